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
 * The dashboard through the gateway: a planned month, an expense recorded, and the dashboard at once showing
 * it (month to date, latest transactions, today's safe-to-spend as the calendar says after the redistribution),
 * with the next goal and a habit's streak; an unknown time zone is a problem; another user sees none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardE2E {

    private final MobileApp app = new MobileApp();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final YearMonth month = YearMonth.from(today);
    private String token;

    @BeforeAll
    void aUserRegistersAndLogsIn() {
        token = app.login(app.register("dashboard"));
    }

    @Test
    void anExpenseShowsOnTheDashboardAtOnceWithTheRedistributedSafeToSpendOfToday() {
        app.http
                .put()
                .uri("/api/budget/plans/" + month)
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "income",
                        "2000.00",
                        "currency",
                        "EUR",
                        "categories",
                        List.of(
                                Map.of("category", "groceries", "amount", "310.00"),
                                Map.of("category", "dining", "amount", "93.00"))))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<?, ?> expense = app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type", "EXPENSE",
                        "amount", "12.34",
                        "currency", "EUR",
                        "category", "groceries",
                        "occurredOn", today.toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        app.http
                .post()
                .uri("/api/budget/goals")
                .headers(this::auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name", "Holiday",
                        "targetAmount", "800.00",
                        "currency", "EUR",
                        "targetDate", today.plusMonths(3).toString()))
                .exchange()
                .expectStatus()
                .isCreated();
        String habit = "/api/budget/habits/"
                + app.http
                        .post()
                        .uri("/api/budget/habits")
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "name",
                                "Walk to work",
                                "period",
                                "DAY",
                                "startsOn",
                                today.minusDays(1).toString()))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("id");
        app.http
                .post()
                .uri(habit + "/completions/" + today.minusDays(1))
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isCreated();

        String safeToSpendInCalendar = (String) ((Map<?, ?>) ((List<?>) app.http
                                .get()
                                .uri("/api/budget/calendar/" + month)
                                .headers(this::auth)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("days"))
                        .get(today.getDayOfMonth() - 1))
                .get("safeToSpend");

        app.http
                .get()
                .uri("/api/budget/dashboard")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.today")
                .isEqualTo(today.toString())
                .jsonPath("$.budget.safeToSpendToday")
                .isEqualTo(safeToSpendInCalendar)
                // the month's plan stays whole through redistribution; spent is this month's up to today
                .jsonPath("$.budget.categories[0].category")
                .isEqualTo("groceries")
                .jsonPath("$.budget.categories[0].planned")
                .isEqualTo("310.00")
                .jsonPath("$.budget.categories[0].spent")
                .isEqualTo("12.34")
                .jsonPath("$.budget.categories[0].remaining")
                .isEqualTo("297.66")
                .jsonPath("$.budget.spent")
                .isEqualTo("12.34")
                .jsonPath("$.latestTransactions[0].id")
                .isEqualTo(expense.get("id"))
                .jsonPath("$.nextGoals[0].name")
                .isEqualTo("Holiday")
                .jsonPath("$.habits[0].currentStreak")
                .isEqualTo(1)
                .jsonPath("$.habits[0].current")
                .isEqualTo("PENDING");
    }

    @Test
    void anotherUserSeesAnEmptyDashboardAndAnUnknownZoneIsAProblem() {
        String stranger = app.login(app.register("stranger"));
        app.http
                .get()
                .uri("/api/budget/dashboard")
                .headers(headers -> headers.setBearerAuth(stranger))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.budget")
                .isEmpty()
                .jsonPath("$.latestTransactions.length()")
                .isEqualTo(0)
                .jsonPath("$.nextGoals.length()")
                .isEqualTo(0)
                .jsonPath("$.habits.length()")
                .isEqualTo(0);
        app.http
                .get()
                .uri("/api/budget/dashboard?zone=Nowhere/Else")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    private void auth(HttpHeaders headers) {
        headers.setBearerAuth(token);
    }
}
