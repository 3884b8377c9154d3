package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data export (GDPR Art. 15 and 20) through the gateway: a user with a transaction, a category of their own and a
 * goal asks for an export, waits for it, downloads the ZIP and finds the transaction in {@code budget.json}, the
 * e-mail address in {@code auth.json}, a file per service and a manifest; another user cannot see it (404).
 */
class DataExportE2E {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MobileApp app = new MobileApp();

    @Test
    void aUserDownloadsTheirDataAsAZipThatNobodyElseCanFetch() throws IOException {
        MobileApp.Account user = app.register("export");
        String token = app.login(user);
        app.send(token, HttpMethod.POST, "/api/budget/categories", Map.of("name", "Bicycle repairs"))
                .expectStatus()
                .isCreated();
        app.send(
                        token,
                        HttpMethod.POST,
                        "/api/budget/transactions",
                        Map.of(
                                "type", "EXPENSE",
                                "amount", "42.50",
                                "currency", "EUR",
                                "category", "groceries",
                                "occurredOn", LocalDate.now(ZoneOffset.UTC).toString(),
                                "merchant", "Export Market"))
                .expectStatus()
                .isCreated();
        app.send(
                        token,
                        HttpMethod.POST,
                        "/api/budget/goals",
                        Map.of(
                                "name",
                                "New bicycle",
                                "targetAmount",
                                "800.00",
                                "currency",
                                "EUR",
                                "targetDate",
                                LocalDate.now(ZoneOffset.UTC).plusMonths(4).toString()))
                .expectStatus()
                .isCreated();

        URI location = app.send(token, HttpMethod.POST, "/api/auth/me/export", Map.of())
                .expectStatus()
                .isAccepted()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        assertThat(location).isNotNull();
        String exportPath = location.getPath();
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !"PENDING"
                        .equals(status(token, exportPath).get("status").asString()));
        JsonNode status = status(token, exportPath);
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("READY");

        byte[] archive = app.http
                .get()
                .uri(exportPath + "/archive")
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
        Map<String, byte[]> entries = unzip(archive);
        assertThat(entries)
                .containsKeys(
                        "auth.json", "budget.json", "ocr.json", "insights.json", "notification.json", "manifest.json");
        JsonNode auth = JSON.readTree(entries.get("auth.json"));
        assertThat(auth.at("/account/email").asString()).isEqualTo(user.email());
        JsonNode budget = JSON.readTree(entries.get("budget.json"));
        assertThat(budget.get("userId").asString()).isEqualTo(user.userId().toString());
        assertThat(budget.get("transaction")).anySatisfy(t -> {
            assertThat(t.get("merchant").asString()).isEqualTo("Export Market");
            assertThat(t.get("amount").asString()).startsWith("42.5");
        });
        assertThat(budget.get("category"))
                .anySatisfy(c -> assertThat(c.toString()).contains("Bicycle repairs"));
        assertThat(budget.get("goal"))
                .anySatisfy(g -> assertThat(g.get("name").asString()).isEqualTo("New bicycle"));
        assertThat(JSON.readTree(entries.get("manifest.json")).get("entries")).hasSize(5);

        MobileApp.Account stranger = app.register("export-stranger");
        String strangerToken = app.login(stranger);
        for (String path : new String[] {exportPath, exportPath + "/archive"}) {
            app.http
                    .get()
                    .uri(path)
                    .headers(h -> h.setBearerAuth(strangerToken))
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("AUTH_EXPORT_NOT_FOUND");
        }
    }

    private JsonNode status(String token, String path) {
        byte[] body = app.http
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
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
}
