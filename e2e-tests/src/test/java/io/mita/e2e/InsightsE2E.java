package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Insights through the gateway, as the app sees them: a plan and an expense over its groceries allocation,
 * recorded in budget-service, become a HIGH overspend insight in insights-service (via Kafka, the projections and
 * the debounced regeneration), which only its owner reads and dismisses.
 */
class InsightsE2E {

    private final MobileApp app = new MobileApp();
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    @Test
    void anExpenseOverThePlanBecomesAnOverspendInsightTheOwnerSeesAndDismisses() {
        String token = app.login(app.register("insightful"));
        app.http
                .put()
                .uri("/api/budget/plans/" + month)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "income", "2000.00",
                        "currency", "EUR",
                        "savingsTarget", "200.00",
                        "categories", List.of(Map.of("category", "groceries", "amount", "100.00"))))
                .exchange()
                .expectStatus()
                .isCreated();
        app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type", "EXPENSE",
                        "amount", "150.00",
                        "currency", "EUR",
                        "category", "groceries",
                        "occurredOn", LocalDate.now(ZoneOffset.UTC).toString(),
                        "merchant", "Corner Shop"))
                .exchange()
                .expectStatus()
                .isCreated();

        Map<?, ?>[] overspend = new Map<?, ?>[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<?> items = (List<?>) insights(token).get("items");
                    for (Object item : items) {
                        Map<?, ?> insight = (Map<?, ?>) item;
                        if ("CATEGORY_OVERSPEND".equals(insight.get("kind"))
                                && "groceries".equals(((Map<?, ?>) insight.get("evidence")).get("category"))) {
                            overspend[0] = insight;
                            return true;
                        }
                    }
                    return false;
                });
        assertThat(overspend[0].get("severity")).isEqualTo("HIGH");
        assertThat(((Map<?, ?>) overspend[0].get("evidence")).get("over")).isEqualTo("50.00");
        assertThat((String) overspend[0].get("text")).doesNotContain("Corner Shop");
        String id = (String) overspend[0].get("id");

        String stranger = app.login(app.register("stranger"));
        app.http
                .get()
                .uri("/api/insights/" + id)
                .headers(h -> h.setBearerAuth(stranger))
                .exchange()
                .expectStatus()
                .isNotFound();
        app.http
                .post()
                .uri("/api/insights/" + id + "/dismiss")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat((List<?>) insights(token).get("items")).noneMatch(item -> id.equals(((Map<?, ?>) item).get("id")));
        app.http
                .get()
                .uri("/api/insights?month=2026-13")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private Map<?, ?> insights(String token) {
        return app.http
                .get()
                .uri("/api/insights?month=" + month)
                .headers(h -> h.setBearerAuth(token))
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
