package io.mita.auth.export;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.export.DataExportFixtures.JSON;
import static io.mita.auth.export.DataExportFixtures.PATIENCE;
import static io.mita.auth.export.DataExportFixtures.future;
import static io.mita.auth.export.DataExportFixtures.sha256;
import static io.mita.auth.export.DataExportFixtures.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.OutboxEvents;
import io.mita.auth.export.DataExportFixtures.SignedInUser;
import io.mita.auth.retention.RetentionPurge;
import io.mita.testsupport.MitaIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Data export over HTTP on PostgreSQL, with a real HTTP server standing in for the four data services: the archive
 * and its manifest, a failing service, one export at a time, the owner only, expiry and purge, the daily limit,
 * the events, and erasure taking the exports along.
 */
@MitaIntegrationTest
class DataExportIT extends DataExportTestSupport {

    static final StandInDataServices SERVICES = new StandInDataServices();
    static final int CHUNK_SIZE = 4096;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.answerForEveryService(registry);
        registry.add("mita.auth.export.retries", () -> "1");
        registry.add("mita.auth.export.timeout", () -> "30s");
        registry.add("mita.auth.export.max-per-day", () -> "3");
        // small chunks: every archive of these tests is stored and served in several
        registry.add("mita.auth.export.chunk-size", () -> CHUNK_SIZE + "B");
        registry.add("mita.auth.export.poll-interval", () -> "1s");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    @Autowired
    RetentionPurge retention;

    @Autowired
    ExportQueue queue;

    @Autowired
    ExportChunks chunks;

    @Autowired
    DataExportRepository exports;

    @Test
    void aRequestedExportBecomesAZipOfEveryServicesDocumentAuthsOwnDataAndAManifestOfHashes() throws IOException {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();

        WebTestClient.ResponseSpec accepted =
                fixtures.request(token).expectStatus().isAccepted();
        JsonNode body = JSON.readTree(accepted.expectBody().returnResult().getResponseBody());
        UUID exportId = UUID.fromString(body.get("id").asString());
        assertThat(body.get("status").asString()).isIn("PENDING", "READY");
        assertThat(body.get("expiresAt").asString()).isNotBlank();

        JsonNode ready = fixtures.awaitStatus(token, exportId, "READY");
        byte[] archive = fixtures.archive(token, exportId)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/zip")
                .expectHeader()
                .value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).startsWith("attachment"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(ready.get("archiveSize").asLong()).isEqualTo(archive.length);
        assertThat(ready.get("archiveSha256").asString()).isEqualTo(sha256(archive));
        Map<String, byte[]> entries = unzip(archive);
        assertThat(entries)
                .containsOnlyKeys(
                        "auth.json", "budget.json", "ocr.json", "insights.json", "notification.json", "manifest.json");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("exportId").asString()).isEqualTo(exportId.toString());
        assertThat(manifest.get("entries")).hasSize(5);
        for (JsonNode entry : manifest.get("entries")) {
            byte[] content = entries.get(entry.get("name").asString());
            assertThat(entry.get("sha256").asString()).as(entry.toString()).isEqualTo(sha256(content));
            assertThat(entry.get("size").asLong()).isEqualTo(content.length);
        }
        JsonNode auth = JSON.readTree(entries.get("auth.json"));
        assertThat(auth.at("/account/email").asString()).isEqualTo(user.email());
        assertThat(auth.at("/roles/0").asString()).isEqualTo("USER");
        assertThat(auth.get("sessions")).hasSize(1);
        assertThat(auth.at("/twoFactorSignIn/totpEnabled").asBoolean()).isFalse();
        String authText = new String(entries.get("auth.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(authText).doesNotContain("argon2").doesNotContain("password");
        JsonNode budget = JSON.readTree(entries.get("budget.json"));
        assertThat(budget.get("userId").asString()).isEqualTo(userId.toString());
        assertThat(budget.at("/rows/0/note").asString()).isEqualTo("of budget");

        // the services were called with a token of the user, for the export only, living at most 5 minutes
        assertThat(SERVICES.receivedFor(userId.toString()))
                .extracting(StandInDataServices.Received::path)
                .containsExactlyInAnyOrderElementsOf(StandInDataServices.EXPORT_PATHS);
        assertThat(SERVICES.receivedFor(userId.toString())).allSatisfy(received -> {
            assertThat(received.claims().get("purpose").asString()).isEqualTo("data-export");
            assertThat(received.claims().get("exp").asLong()
                            - received.claims().get("iat").asLong())
                    .isLessThanOrEqualTo(300);
            assertThat(received.claims().has("sid")).isFalse();
        });

        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportRequested.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event ->
                        assertThat(event.data()).contains(exportId.toString()).doesNotContain(user.email()));
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("READY"));
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportDownloaded.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.actorId()).isEqualTo(userId.toString()));
    }

    @Test
    void aServiceAnsweringErrorsFailsTheExportAfterItsRetriesWithTheServiceNamedAndTheUserMayAskAgain() {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();
        SERVICES.failFor("ocr", userId.toString());

        UUID exportId = fixtures.requestExport(token);
        JsonNode failed = fixtures.awaitStatus(token, exportId, "FAILED");

        assertThat(failed.get("failureReason").asString()).isEqualTo("ocr answered HTTP 500");
        assertThat(SERVICES.receivedFor(userId.toString()))
                .filteredOn(r -> r.path().equals("/api/ocr/me/export"))
                .as("the first attempt and one retry")
                .hasSize(2);
        assertProblem(fixtures.archive(token, exportId), HttpStatus.CONFLICT, "AUTH_EXPORT_NOT_READY");
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("FAILED").contains("ocr answered HTTP 500"));
        assertThat(fixtures.chunksOf(exportId))
                .as("a failed export keeps no archive")
                .isZero();

        fixtures.request(token).expectStatus().isAccepted();
    }

    @Test
    void aSecondRequestWhileOneIsPendingIsAConflict() {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();
        SERVICES.hold(userId.toString());
        try {
            UUID first = fixtures.requestExport(token);

            assertProblem(fixtures.request(token), HttpStatus.CONFLICT, "AUTH_EXPORT_PENDING");

            SERVICES.release(userId.toString());
            fixtures.awaitStatus(token, first, "READY");
            fixtures.request(token).expectStatus().isAccepted();
        } finally {
            SERVICES.release(userId.toString());
        }
    }

    @Test
    void anExportWaitingForASlowServiceDoesNotHoldBackAnotherUsersExport() {
        SignedInUser slowUser = fixtures.aSignedInUser();
        String slowToken = slowUser.token();
        String token = fixtures.aSignedInUser().token();
        SERVICES.hold(slowUser.id().toString());
        try {
            UUID slow = fixtures.requestExport(slowToken);
            UUID other = fixtures.requestExport(token);

            fixtures.awaitStatus(token, other, "READY");
            fixtures.status(slowToken, slow).expectBody().jsonPath("$.status").isEqualTo("PENDING");

            SERVICES.release(slowUser.id().toString());
            fixtures.awaitStatus(slowToken, slow, "READY");
        } finally {
            SERVICES.release(slowUser.id().toString());
        }
    }

    @Test
    void anotherUsersExportIsNotFoundAndAnUnknownOneNeither() {
        String ownerToken = fixtures.aSignedInUser().token();
        String otherToken = fixtures.aSignedInUser().token();
        UUID exportId = fixtures.requestExport(ownerToken);
        fixtures.awaitStatus(ownerToken, exportId, "READY");

        assertProblem(fixtures.status(otherToken, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
        assertProblem(fixtures.archive(otherToken, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
        assertProblem(fixtures.status(ownerToken, UUID.randomUUID()), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
    }

    @Test
    void anExpiredExportCannotBeFetchedAndTheRetentionPurgeDeletesIt() {
        String token = fixtures.aSignedInUser().token();
        UUID exportId = fixtures.requestExport(token);
        fixtures.awaitStatus(token, exportId, "READY");

        db.sql("UPDATE data_export SET expires_at = now() - interval '1 minute' WHERE id = :id")
                .bind("id", exportId)
                .then()
                .block(PATIENCE);

        assertProblem(fixtures.status(token, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_EXPIRED");
        assertProblem(fixtures.archive(token, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_EXPIRED");
        Map<String, Long> purged = retention.purgeOnce().block(PATIENCE);
        assertThat(purged.get("data_export")).isPositive();
        assertThat(fixtures.count("SELECT count(*) AS n FROM data_export WHERE id = :u", exportId))
                .isZero();
        assertThat(fixtures.chunksOf(exportId)).isZero();
        assertProblem(fixtures.status(token, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
    }

    @Test
    void aUserMayRequestAtMostTheDailyNumberOfExports() {
        String token = fixtures.aSignedInUser().token();
        for (int i = 0; i < 3; i++) {
            fixtures.awaitStatus(token, fixtures.requestExport(token), "READY");
        }

        assertProblem(fixtures.request(token), HttpStatus.TOO_MANY_REQUESTS, "AUTH_EXPORT_LIMIT_REACHED");
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        client.post().uri("/api/auth/me/export").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/api/auth/me/exports/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void erasingTheAccountDeletesItsExports() {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();
        UUID exportId = fixtures.requestExport(token);
        fixtures.awaitStatus(token, exportId, "READY");
        assertThat(fixtures.chunksOf(exportId)).isPositive();

        client.method(org.springframework.http.HttpMethod.DELETE)
                .uri("/api/auth/me")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", PASSWORD))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(fixtures.count("SELECT count(*) AS n FROM data_export WHERE user_id = :u", userId))
                .isZero();
        assertThat(fixtures.chunksOf(exportId)).isZero();
    }

    @Test
    void aLargeArchiveIsStoredInChunksAndDownloadedByteForByteWithItsStoredSizeAndHash() throws IOException {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();
        SERVICES.largeFor("ocr", userId.toString(), 200_000);
        UUID exportId = fixtures.requestExport(token);
        JsonNode ready = fixtures.awaitStatus(token, exportId, "READY");

        WebTestClient.ResponseSpec response =
                fixtures.archive(token, exportId).expectStatus().isOk();
        byte[] downloaded = response.expectBody(byte[].class).returnResult().getResponseBody();

        long size = ready.get("archiveSize").asLong();
        assertThat(size).isGreaterThan(10L * CHUNK_SIZE);
        response.expectHeader().contentLength(size);
        assertThat(downloaded).hasSize((int) size);
        assertThat(sha256(downloaded)).isEqualTo(ready.get("archiveSha256").asString());
        // stored as ordered chunks of at most the chunk size, whose concatenation is what was served
        java.io.ByteArrayOutputStream stored = new java.io.ByteArrayOutputStream();
        java.util.List<byte[]> rows = db.sql("SELECT bytes FROM data_export_chunk WHERE export_id = :id ORDER BY seq")
                .bind("id", exportId)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("bytes", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                })
                .all()
                .collectList()
                .block(PATIENCE);
        assertThat(rows).hasSize((int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE));
        assertThat(rows).allSatisfy(chunk -> assertThat(chunk.length).isLessThanOrEqualTo(CHUNK_SIZE));
        for (byte[] chunk : rows) {
            stored.write(chunk);
        }
        assertThat(stored.toByteArray()).isEqualTo(downloaded);
        Map<String, byte[]> entries = unzip(downloaded);
        assertThat(JSON.readTree(entries.get("ocr.json")).at("/rows/0/note").asString())
                .hasSizeGreaterThan(190_000);
    }

    @Test
    void anExportLeftClaimedByADeadInstanceIsClaimedAgainWhenItsLeaseRanOutAndCompleted() throws IOException {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();
        // what a worker that died mid-build leaves: a PENDING row claimed by it, its lease over, a partial chunk
        UUID exportId = fixtures.anExportLeftByADeadInstance(userId, "dead-instance/1", "20 minutes", "5 minutes", 1);
        db.sql("INSERT INTO data_export_chunk (export_id, seq, bytes) VALUES (:id, 0, decode('deadbeef', 'hex'))")
                .bind("id", exportId)
                .then()
                .block(PATIENCE);

        JsonNode ready = fixtures.awaitStatus(token, exportId, "READY");

        byte[] downloaded = fixtures.archive(token, exportId)
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(sha256(downloaded)).isEqualTo(ready.get("archiveSha256").asString());
        assertThat(unzip(downloaded)).containsKeys("auth.json", "budget.json", "manifest.json");
        assertThat(fixtures.count("SELECT attempts::bigint AS n FROM data_export WHERE id = :u", exportId))
                .isEqualTo(2L);
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("READY"));
    }

    @Test
    void anExportWhoseLeaseIsStillRunningIsNotClaimedByAnotherWorker() {
        UUID userId = fixtures.anAccount();
        UUID exportId = fixtures.aQueuedExport(userId, "other-instance/1", "now() + interval '2 days'");

        assertThat(queue.claim("me/1", future(), Duration.ofMinutes(15), 3, 100)
                        .map(claimed -> claimed.export().id())
                        .collectList()
                        .block(PATIENCE))
                .doesNotContain(exportId);
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameExport() {
        java.util.Set<UUID> queued = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) {
            queued.add(fixtures.aQueuedExport(fixtures.anAccount(), null, "NULL"));
        }
        // "now" a day ahead: only these rows are due (their next attempt is an hour ahead), not other tests' ones
        var first = queue.claim("worker-a/1", future(), Duration.ofMinutes(15), 3, 100)
                .map(claimed -> claimed.export().id())
                .collectList()
                .subscribeOn(reactor.core.scheduler.Schedulers.parallel());
        var second = queue.claim("worker-b/1", future(), Duration.ofMinutes(15), 3, 100)
                .map(claimed -> claimed.export().id())
                .collectList()
                .subscribeOn(reactor.core.scheduler.Schedulers.parallel());
        var claims = reactor.core.publisher.Mono.zip(first, second).block(PATIENCE);

        java.util.Set<UUID> a = new java.util.HashSet<>(claims.getT1());
        java.util.Set<UUID> b = new java.util.HashSet<>(claims.getT2());
        java.util.Set<UUID> both = new java.util.HashSet<>(a);
        both.retainAll(b);
        assertThat(both).as("claimed by both").isEmpty();
        java.util.Set<UUID> all = new java.util.HashSet<>(a);
        all.addAll(b);
        assertThat(all).containsAll(queued);
        assertThat(queue.claim("worker-c/1", future(), Duration.ofMinutes(15), 3, 100)
                        .map(claimed -> claimed.export().id())
                        .collectList()
                        .block(PATIENCE))
                .as("every lease still runs")
                .doesNotContainAnyElementsOf(queued);
    }

    @Test
    void aWorkerThatLostItsClaimCanNeitherWriteChunksNorCompleteTheExport() {
        UUID userId = fixtures.anAccount();
        UUID exportId = fixtures.aQueuedExport(userId, "new-owner/2", "now() + interval '1 hour'");
        DataExport export = exports.findOwn(exportId, userId).block(PATIENCE);

        assertThat(chunks.write(exportId, "old-owner/1", 0, new byte[] {1, 2, 3})
                        .block(PATIENCE))
                .isFalse();
        assertThat(chunks.clear(exportId, "old-owner/1").block(PATIENCE)).isFalse();
        assertThat(exports.markReady(export.ready(java.time.Instant.now(), 3, "0".repeat(64)), "old-owner/1")
                        .block(PATIENCE))
                .isFalse();
        assertThat(exports.markFailed(export.failed(java.time.Instant.now(), "x"), "old-owner/1")
                        .block(PATIENCE))
                .isFalse();
        assertThat(fixtures.chunksOf(exportId)).isZero();
        assertThat(chunks.write(exportId, "new-owner/2", 0, new byte[] {1, 2, 3})
                        .block(PATIENCE))
                .isTrue();
    }

    @Test
    void anExportInterruptedAsOftenAsTheAttemptsAllowFailsWithTheReasonAndTheUserMayAskAgain() {
        SignedInUser user = fixtures.aSignedInUser();
        UUID userId = user.id();
        String token = user.token();
        UUID exportId = fixtures.anExportLeftByADeadInstance(userId, "dead-instance/3", "1 hour", "1 minute", 3);

        JsonNode failed = fixtures.awaitStatus(token, exportId, "FAILED");

        assertThat(failed.get("failureReason").asString()).contains("interrupted 3 times");
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("FAILED"));
        fixtures.request(token).expectStatus().isAccepted();
    }
}
