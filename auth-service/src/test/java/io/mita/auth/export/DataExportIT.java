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

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : StandInDataServices.SERVICES) {
            registry.add("mita.auth.export.services." + service, SERVICES::baseUrl);
        }
        registry.add("mita.auth.export.retries", () -> "1");
        registry.add("mita.auth.export.timeout", () -> "30s");
        registry.add("mita.auth.export.max-per-day", () -> "3");
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
        assertThat(count("SELECT count(*) AS n FROM data_export WHERE id = :u AND archive IS NULL", exportId))
                .isOne();

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
        awaitStatus(token, requestExport(token), "READY");

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
