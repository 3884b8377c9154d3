package io.mita.e2e;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The budget engine through the gateway, as the app uses it: the default categories and an own one, a plan
 * of this month with its ETag, an expense that redistributes the month, and the calendar of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetPlanE2E {

    private final MobileApp app = new MobileApp();
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);
    private String token;

    @BeforeAll
    void aUserRegistersAndLogsIn() {
        token = app.login(app.register("planner"));
    }

    @Test
    void aPlanIsMadeKeptWithItsETagRedistributedAfterAnExpenseAndShownDayByDay() {
        app.http
                .get()
                .uri("/api/budget/categories")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(11);
        app.http
                .post()
                .uri("/api/budget/categories")
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Coffee", "kind", "DISCRETIONARY"))
                .exchange()
                .expectStatus()
                .isCreated();

        String plans = "/api/budget/plans/" + month;
        Map<String, Object> plan = Map.of(
                "income", "2000.00",
                "currency", "EUR",
                "savingsTarget", "200.00",
                "categories",
                        List.of(
                                Map.of("category", "groceries", "amount", "310.00"),
                                Map.of("category", "coffee", "amount", "62.00")));
        app.http
                .put()
                .uri(plans)
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"");
        app.http
                .put()
                .uri(plans)
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan)
                .exchange()
                .expectStatus()
                .isEqualTo(428);
        app.http
                .put()
                .uri(plans)
                .headers(this::auth)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "income", "2100.00",
                        "currency", "EUR",
                        "savingsTarget", "200.00",
                        "categories", plan.get("categories")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"");

        app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type", "EXPENSE",
                        // more than the month's whole groceries and coffee allocation: whatever day of the month this
                        // runs on (and however much of the past days rolled forward to today), the day is overspent
                        "amount", "400.00",
                        "currency", "EUR",
                        "category", "groceries",
                        "occurredOn", LocalDate.now(ZoneOffset.UTC).toString()))
                .exchange()
                .expectStatus()
                .isCreated();

        // an overspent day is always explained by a run: moves, a shortfall, or both
        app.http
                .get()
                .uri(plans + "/redistributions")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].trigger")
                .isEqualTo("SPENDING_CHANGED");

        int today = LocalDate.now(ZoneOffset.UTC).getDayOfMonth() - 1;
        app.http
                .get()
                .uri("/api/budget/calendar/" + month)
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.days.length()")
                .isEqualTo(month.lengthOfMonth())
                .jsonPath("$.days[" + today + "].spent")
                .isEqualTo("400.00");
    }

    private void auth(HttpHeaders headers) {
        headers.setBearerAuth(token);
    }
}
