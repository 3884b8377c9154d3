package io.mita.audit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The audit query API as a compliance tool sees it: JSON read into the test's own types, not the service's. */
public final class AuditApi {

    public record Item(
            UUID eventId,
            String source,
            String type,
            String subject,
            String actorId,
            String correlationId,
            Instant occurredAt,
            Instant receivedAt,
            Map<String, Object> data,
            boolean personalDataErased) {}

    public record Page(List<Item> items, String nextCursor) {

        public List<UUID> eventIds() {
            return items.stream().map(Item::eventId).toList();
        }
    }

    private final WebTestClient web;
    private final String token;

    public AuditApi(WebTestClient web, String token) {
        this.web = web;
        this.token = token;
    }

    /** GET /api/audit/events?{query}, expecting 200. */
    public Page search(String query) {
        return web.get()
                .uri("/api/audit/events?" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Page.class)
                .returnResult()
                .getResponseBody();
    }

    /** Searches until the page holds {@code count} events (ingest is asynchronous), then returns it. */
    public Page awaitSearch(String query, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> search(query), page -> page.items().size() == count);
    }

    public Item get(UUID eventId) {
        return web.get()
                .uri("/api/audit/events/{id}", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Item.class)
                .returnResult()
                .getResponseBody();
    }

    /** Any request with this caller's token, to assert on a problem answer. */
    public WebTestClient.ResponseSpec call(String uri) {
        return web.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    /** The integrity check over the whole log, as this caller: answers and finds the log intact. */
    public WebTestClient.BodyContentSpec expectIntactLog() {
        return call("/api/audit/integrity")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.intact")
                .isEqualTo(true);
    }

    public static void expectProblem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status.value())
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.errorId")
                .exists();
    }
}
