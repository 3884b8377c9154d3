package io.mita.auth.export;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the data-export ITs arrange and ask again and again: a signed-in user, an account without a session, export
 * rows as a worker (alive, dead or another instance) left them, the export endpoints, waiting for an export to leave
 * PENDING, counting rows, and reading an archive. One per test class instance, over its application's client and
 * database.
 */
final class DataExportFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebTestClient client;
    private final DatabaseClient db;

    DataExportFixtures(WebTestClient client, DatabaseClient db) {
        this.client = client;
        this.db = db;
    }

    /** A registered user and the access token of a login. */
    record SignedInUser(UUID id, String email, String token) {}

    SignedInUser aSignedInUser() {
        String email = aUniqueEmail();
        UUID id = register(client, email);
        return new SignedInUser(id, email, login(client, email).accessToken());
    }

    /** An account row only (no password, no session): for the queue's tests, which call no endpoint. */
    UUID anAccount() {
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
    UUID aQueuedExport(UUID userId, String claimedBy, String leaseUntil) {
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

    /**
     * What a worker that died mid-build leaves: a PENDING export requested {@code requestedAgo}, claimed
     * {@code attempts} times, the last time by {@code deadInstance}, whose lease ended {@code leaseEndedAgo}.
     */
    UUID anExportLeftByADeadInstance(
            UUID userId, String deadInstance, String requestedAgo, String leaseEndedAgo, int attempts) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO data_export (id, user_id, status, requested_at, expires_at, next_attempt_at, claimed_by,"
                        + " lease_until, attempts) VALUES (:id, :u, 'PENDING', now() - CAST(:requestedAgo AS interval),"
                        + " now() + interval '7 days', now() - CAST(:requestedAgo AS interval), :claim,"
                        + " now() - CAST(:leaseEndedAgo AS interval), :attempts)")
                .bind("id", id)
                .bind("u", userId)
                .bind("requestedAgo", requestedAgo)
                .bind("claim", deadInstance)
                .bind("leaseEndedAgo", leaseEndedAgo)
                .bind("attempts", attempts)
                .then()
                .block(PATIENCE);
        return id;
    }

    /** "Now" a day ahead: only rows of {@link #aQueuedExport} (due in an hour) and older are due then. */
    static Instant future() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    WebTestClient.ResponseSpec request(String token) {
        return client.post()
                .uri("/api/auth/me/export")
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    /** Requests an export (202 with its Location) and answers its id. */
    UUID requestExport(String token) {
        WebTestClient.ResponseSpec accepted = request(token).expectStatus().isAccepted();
        URI location = accepted.returnResult(String.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        UUID id =
                UUID.fromString(location.getPath().substring(location.getPath().lastIndexOf('/') + 1));
        assertThat(location.getPath()).isEqualTo("/api/auth/me/exports/" + id);
        return id;
    }

    WebTestClient.ResponseSpec status(String token, UUID exportId) {
        return client.get()
                .uri("/api/auth/me/exports/{id}", exportId)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    WebTestClient.ResponseSpec archive(String token, UUID exportId) {
        return client.get()
                .uri("/api/auth/me/exports/{id}/archive", exportId)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    /** Waits until the export is no longer PENDING, asserts it is {@code expected} and answers its status body. */
    JsonNode awaitStatus(String token, UUID exportId, String expected) {
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

    /** The single {@code n} of a query that binds {@code :u} to {@code id}. */
    long count(String sql, UUID id) {
        return db.sql(sql)
                .bind("u", id)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(PATIENCE);
    }

    /** How many chunks of the export's archive are stored. */
    long chunksOf(UUID exportId) {
        return count("SELECT count(*) AS n FROM data_export_chunk WHERE export_id = :u", exportId);
    }

    static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
