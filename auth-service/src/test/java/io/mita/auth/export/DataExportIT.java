package io.mita.auth.export;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.retention.RetentionPurge;
import io.mita.testsupport.MitaIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data export over HTTP on PostgreSQL, with a real HTTP server standing in for the four data services: the archive
 * and its manifest, a failing service, one export at a time, the owner only, expiry and purge, the daily limit,
 * the events, and erasure taking the exports along.
 */
@MitaIntegrationTest
class DataExportIT {

    static final StandInDataServices SERVICES = new StandInDataServices();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int CHUNK_SIZE = 4096;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : StandInDataServices.SERVICES) {
            registry.add("mita.auth.export.services." + service, SERVICES::baseUrl);
        }
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
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    RetentionPurge retention;

    @Autowired
    ExportQueue queue;

    @Autowired
    ExportChunks chunks;

    @Autowired
    DataExportRepository exports;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void aRequestedExportBecomesAZipOfEveryServicesDocumentAuthsOwnDataAndAManifestOfHashes() throws IOException {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();

        WebTestClient.ResponseSpec accepted = request(token).expectStatus().isAccepted();
        JsonNode body = JSON.readTree(accepted.expectBody().returnResult().getResponseBody());
        UUID exportId = UUID.fromString(body.get("id").asString());
        assertThat(body.get("status").asString()).isIn("PENDING", "READY");
        assertThat(body.get("expiresAt").asString()).isNotBlank();

        JsonNode ready = awaitStatus(token, exportId, "READY");
        byte[] archive = client.get()
                .uri("/api/auth/me/exports/{id}/archive", exportId)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
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
        assertThat(auth.at("/account/email").asString()).isEqualTo(email);
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
                .containsExactlyInAnyOrder(
                        "/api/budget/me/export",
                        "/api/ocr/me/export",
                        "/api/insights/me/export",
                        "/api/notifications/me/export");
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
                        assertThat(event.data()).contains(exportId.toString()).doesNotContain(email));
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("READY"));
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportDownloaded.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.actorId()).isEqualTo(userId.toString()));
    }

    @Test
    void aServiceAnsweringErrorsFailsTheExportAfterItsRetriesWithTheServiceNamedAndTheUserMayAskAgain() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();
        SERVICES.failFor("ocr", userId.toString());

        UUID exportId = requestExport(token);
        JsonNode failed = awaitStatus(token, exportId, "FAILED");

        assertThat(failed.get("failureReason").asString()).isEqualTo("ocr answered HTTP 500");
        assertThat(SERVICES.receivedFor(userId.toString()))
                .filteredOn(r -> r.path().equals("/api/ocr/me/export"))
                .as("the first attempt and one retry")
                .hasSize(2);
        assertProblem(archive(token, exportId), HttpStatus.CONFLICT, "AUTH_EXPORT_NOT_READY");
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("FAILED").contains("ocr answered HTTP 500"));
        assertThat(count("SELECT count(*) AS n FROM data_export_chunk WHERE export_id = :u", exportId))
                .as("a failed export keeps no archive")
                .isZero();

        request(token).expectStatus().isAccepted();
    }

    @Test
    void aSecondRequestWhileOneIsPendingIsAConflict() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();
        SERVICES.hold(userId.toString());
        try {
            UUID first = requestExport(token);

            assertProblem(request(token), HttpStatus.CONFLICT, "AUTH_EXPORT_PENDING");

            SERVICES.release(userId.toString());
            awaitStatus(token, first, "READY");
            request(token).expectStatus().isAccepted();
        } finally {
            SERVICES.release(userId.toString());
        }
    }

    @Test
    void anExportWaitingForASlowServiceDoesNotHoldBackAnotherUsersExport() {
        String slowEmail = aUniqueEmail();
        UUID slowUser = register(client, slowEmail);
        String slowToken = login(client, slowEmail).accessToken();
        String email = aUniqueEmail();
        register(client, email);
        String token = login(client, email).accessToken();
        SERVICES.hold(slowUser.toString());
        try {
            UUID slow = requestExport(slowToken);
            UUID other = requestExport(token);

            awaitStatus(token, other, "READY");
            status(slowToken, slow).expectBody().jsonPath("$.status").isEqualTo("PENDING");

            SERVICES.release(slowUser.toString());
            awaitStatus(slowToken, slow, "READY");
        } finally {
            SERVICES.release(slowUser.toString());
        }
    }

    @Test
    void anotherUsersExportIsNotFoundAndAnUnknownOneNeither() {
        String owner = aUniqueEmail();
        register(client, owner);
        String ownerToken = login(client, owner).accessToken();
        String other = aUniqueEmail();
        register(client, other);
        String otherToken = login(client, other).accessToken();
        UUID exportId = requestExport(ownerToken);
        awaitStatus(ownerToken, exportId, "READY");

        assertProblem(status(otherToken, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
        assertProblem(archive(otherToken, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
        assertProblem(status(ownerToken, UUID.randomUUID()), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
    }

    @Test
    void anExpiredExportCannotBeFetchedAndTheRetentionPurgeDeletesIt() {
        String email = aUniqueEmail();
        register(client, email);
        String token = login(client, email).accessToken();
        UUID exportId = requestExport(token);
        awaitStatus(token, exportId, "READY");

        db.sql("UPDATE data_export SET expires_at = now() - interval '1 minute' WHERE id = :id")
                .bind("id", exportId)
                .then()
                .block(PATIENCE);

        assertProblem(status(token, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_EXPIRED");
        assertProblem(archive(token, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_EXPIRED");
        Map<String, Long> purged = retention.purgeOnce().block(PATIENCE);
        assertThat(purged.get("data_export")).isPositive();
        assertThat(count("SELECT count(*) AS n FROM data_export WHERE id = :u", exportId))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM data_export_chunk WHERE export_id = :u", exportId))
                .isZero();
        assertProblem(status(token, exportId), HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND");
    }

    @Test
    void aUserMayRequestAtMostTheDailyNumberOfExports() {
        String email = aUniqueEmail();
        register(client, email);
        String token = login(client, email).accessToken();
        for (int i = 0; i < 3; i++) {
            awaitStatus(token, requestExport(token), "READY");
        }

        assertProblem(request(token), HttpStatus.TOO_MANY_REQUESTS, "AUTH_EXPORT_LIMIT_REACHED");
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
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();
        UUID exportId = requestExport(token);
        awaitStatus(token, exportId, "READY");
        assertThat(count("SELECT count(*) AS n FROM data_export_chunk WHERE export_id = :u", exportId))
                .isPositive();

        client.method(org.springframework.http.HttpMethod.DELETE)
                .uri("/api/auth/me")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", PASSWORD))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(count("SELECT count(*) AS n FROM data_export WHERE user_id = :u", userId))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM data_export_chunk WHERE export_id = :u", exportId))
                .isZero();
    }

    @Test
    void aLargeArchiveIsStoredInChunksAndDownloadedByteForByteWithItsStoredSizeAndHash() throws IOException {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();
        SERVICES.largeFor("ocr", userId.toString(), 200_000);
        UUID exportId = requestExport(token);
        JsonNode ready = awaitStatus(token, exportId, "READY");

        WebTestClient.ResponseSpec response =
                archive(token, exportId).expectStatus().isOk();
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
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();
        UUID exportId = UUID.randomUUID();
        // what a worker that died mid-build leaves: a PENDING row claimed by it, its lease over, a partial chunk
        db.sql("INSERT INTO data_export (id, user_id, status, requested_at, expires_at, next_attempt_at, claimed_by,"
                        + " lease_until, attempts) VALUES (:id, :u, 'PENDING', now() - interval '20 minutes',"
                        + " now() + interval '7 days', now() - interval '20 minutes', 'dead-instance/1',"
                        + " now() - interval '5 minutes', 1)")
                .bind("id", exportId)
                .bind("u", userId)
                .then()
                .block(PATIENCE);
        db.sql("INSERT INTO data_export_chunk (export_id, seq, bytes) VALUES (:id, 0, decode('deadbeef', 'hex'))")
                .bind("id", exportId)
                .then()
                .block(PATIENCE);

        JsonNode ready = awaitStatus(token, exportId, "READY");

        byte[] downloaded = archive(token, exportId)
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(sha256(downloaded)).isEqualTo(ready.get("archiveSha256").asString());
        assertThat(unzip(downloaded)).containsKeys("auth.json", "budget.json", "manifest.json");
        assertThat(count("SELECT attempts::bigint AS n FROM data_export WHERE id = :u", exportId))
                .isEqualTo(2L);
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("READY"));
    }

    @Test
    void anExportWhoseLeaseIsStillRunningIsNotClaimedByAnotherWorker() {
        UUID userId = anAccount();
        UUID exportId = aQueuedExport(userId, "other-instance/1", "now() + interval '2 days'");

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
            queued.add(aQueuedExport(anAccount(), null, "NULL"));
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
        UUID userId = anAccount();
        UUID exportId = aQueuedExport(userId, "new-owner/2", "now() + interval '1 hour'");
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
        assertThat(count("SELECT count(*) AS n FROM data_export_chunk WHERE export_id = :u", exportId))
                .isZero();
        assertThat(chunks.write(exportId, "new-owner/2", 0, new byte[] {1, 2, 3})
                        .block(PATIENCE))
                .isTrue();
    }

    @Test
    void anExportInterruptedAsOftenAsTheAttemptsAllowFailsWithTheReasonAndTheUserMayAskAgain() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();
        UUID exportId = UUID.randomUUID();
        db.sql("INSERT INTO data_export (id, user_id, status, requested_at, expires_at, next_attempt_at, claimed_by,"
                        + " lease_until, attempts) VALUES (:id, :u, 'PENDING', now() - interval '1 hour',"
                        + " now() + interval '7 days', now() - interval '1 hour', 'dead-instance/3',"
                        + " now() - interval '1 minute', 3)")
                .bind("id", exportId)
                .bind("u", userId)
                .then()
                .block(PATIENCE);

        JsonNode failed = awaitStatus(token, exportId, "FAILED");

        assertThat(failed.get("failureReason").asString()).contains("interrupted 3 times");
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("FAILED"));
        request(token).expectStatus().isAccepted();
    }

    private UUID anAccount() {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO user_account (id, email, password_hash, created_at, version)"
                        + " VALUES (:id, :email, 'not-a-hash', now(), 0)")
                .bind("id", id)
                .bind("email", aUniqueEmail())
                .then()
                .block(PATIENCE);
        return id;
    }

    /** A PENDING export due in an hour (no worker of this test's application claims it before). */
    private UUID aQueuedExport(UUID userId, String claimedBy, String leaseUntil) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO data_export (id, user_id, status, requested_at, expires_at, next_attempt_at, claimed_by,"
                        + " lease_until) VALUES (:id, :u, 'PENDING', now(), now() + interval '7 days',"
                        + " now() + interval '1 hour', " + (claimedBy == null ? "NULL" : "'" + claimedBy + "'")
                        + ", " + leaseUntil + ")")
                .bind("id", id)
                .bind("u", userId)
                .then()
                .block(PATIENCE);
        return id;
    }

    private static java.time.Instant future() {
        return java.time.Instant.now().plus(Duration.ofDays(1));
    }

    private WebTestClient.ResponseSpec request(String token) {
        return client.post()
                .uri("/api/auth/me/export")
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private UUID requestExport(String token) {
        WebTestClient.ResponseSpec accepted = request(token).expectStatus().isAccepted();
        URI location = accepted.returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        UUID id =
                UUID.fromString(location.getPath().substring(location.getPath().lastIndexOf('/') + 1));
        assertThat(location.getPath()).isEqualTo("/api/auth/me/exports/" + id);
        return id;
    }

    private WebTestClient.ResponseSpec status(String token, UUID exportId) {
        return client.get()
                .uri("/api/auth/me/exports/{id}", exportId)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec archive(String token, UUID exportId) {
        return client.get()
                .uri("/api/auth/me/exports/{id}/archive", exportId)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private JsonNode awaitStatus(String token, UUID exportId, String expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            byte[] body = status(token, exportId)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            last[0] = JSON.readTree(body);
            return !"PENDING".equals(last[0].get("status").asString());
        });
        assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo(expected);
        return last[0];
    }

    private long count(String sql, UUID id) {
        return db.sql(sql)
                .bind("u", id)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(PATIENCE);
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
