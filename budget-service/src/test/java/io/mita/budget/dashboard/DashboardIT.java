package io.mita.budget.dashboard;

import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetClient.problem;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.BudgetClient;
import io.mita.testsupport.MitaIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard against the real database, today 1 June 2026 (UTC), every expected value worked out by hand:
 * June's plan gives groceries 10.00 and dining 5.00 a day; 25.00 of groceries today is covered from 2–30 June of
 * groceries (15.00 = 29 days × 0.51 + 21 × 0.01, the earlier days first: 0.52 on 2–22 June, 0.51 after).
 */
@MitaIntegrationTest
@Import(FirstOfJune.class)
class DashboardIT {

    @Autowired
    WebTestClient webTestClient;

    private BudgetClient user;
    private BudgetClient other;
    private String latest05;

    @BeforeEach
    void setUp() {
        user = BudgetClient.forANewUser(webTestClient);
        other = BudgetClient.forANewUser(webTestClient);
        user.put("/api/budget/plans/2026-06", aPlan().json(), null)
                .expectStatus()
                .isCreated();
        latest05 = user.spend("20.00", "groceries", "2026-05-31").toString();
        user.spend("25.00", "groceries", "2026-06-01");
        user.delete("/api/budget/transactions/" + user.spend("1.00", "dining", "2026-06-01"))
                .expectStatus()
                .isNoContent();
        user.spend("3.00", "dining", "2026-06-01");
        transaction(user, "INCOME", "100.00", "EUR", "other", "2026-06-01");
        transaction(user, "EXPENSE", "50.00", "USD", "dining", "2026-06-01");
        user.spend("4.00", "groceries", "2026-06-02");
        // someone else's spending today, goals and habits never show
        other.spend("500.00", "groceries", "2026-06-01");
        goal(other, "Someone else's", "10.00", "2026-06-02");
        habit(other, Map.of("name", "Someone else's", "period", "DAY", "startsOn", "2026-05-01"));
    }

    @Test
    void todaysSafeToSpendAndTheMonthToDateComeFromTheRedistributedPlanInThePlansCurrency() {
        JsonNode dashboard = dashboard("");

        assertThat(dashboard.get("today").asString()).isEqualTo("2026-06-01");
        assertThat(dashboard.get("zone").asString()).isEqualTo("UTC");
        assertThat(dashboard.get("month").asString()).isEqualTo("2026-06");
        JsonNode budget = dashboard.get("budget");
        assertThat(budget.get("currency").asString()).isEqualTo("EUR");
        // groceries: planned 25.00 today (10.00 + 15.00 covered), spent 25.00; dining: 5.00 planned, 3.00 spent
        // (the deleted 1.00 and the USD 50.00 do not count, the income is no spending)
        assertThat(budget.get("safeToSpendToday").asString()).isEqualTo("2.00");
        assertThat(categories(budget)).containsExactly("groceries 300.00 25.00 275.00", "dining 150.00 3.00 147.00");
        assertThat(budget.get("planned").asString()).isEqualTo("450.00");
        assertThat(budget.get("spent").asString()).isEqualTo("28.00");
        assertThat(budget.get("remaining").asString()).isEqualTo("422.00");
    }

    @Test
    void inTheCallersZoneTodayIsTomorrowEastOfUtc() {
        JsonNode budget = dashboard("?zone=Pacific/Kiritimati").get("budget");

        // 2 June: groceries 10.00 − 0.52 = 9.48 planned, 4.00 spent; dining 5.00
        assertThat(budget.get("safeToSpendToday").asString()).isEqualTo("10.48");
        assertThat(categories(budget)).containsExactly("groceries 300.00 29.00 271.00", "dining 150.00 3.00 147.00");
    }

    @Test
    void theLatestTransactionsAreTheFiveNewestLiveOnesOfTheCaller() {
        JsonNode latest = dashboard("").get("latestTransactions");

        assertThat(latest).hasSize(5);
        assertThat(latest.get(0).get("occurredOn").asString()).isEqualTo("2026-06-02");
        assertThat(latest.get(0).get("amount").asString()).isEqualTo("4.00");
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < 5; i++) {
            assertThat(latest.get(i).get("occurredOn").asString()).isEqualTo("2026-06-01");
            rest.add(latest.get(i).get("type").asString() + " "
                    + latest.get(i).get("amount").asString() + " "
                    + latest.get(i).get("currency").asString());
        }
        assertThat(rest)
                .containsExactlyInAnyOrder(
                        "EXPENSE 25.00 EUR", "EXPENSE 3.00 EUR", "INCOME 100.00 EUR", "EXPENSE 50.00 USD");
        latest.forEach(line -> assertThat(line.get("id").asString()).isNotEqualTo(latest05));
    }

    @Test
    void theNextGoalsAreTheThreeActiveOnesWithTheNearestTargetDates() {
        String holiday = goal(user, "Holiday", "1000.00", "2026-12-31");
        user.post("/api/budget/goals/" + holiday + "/contributions", Map.of("amount", "250.00", "currency", "EUR"))
                .expectStatus()
                .isCreated();
        goal(user, "Bike", "400.00", "2026-09-30");
        goal(user, "Laptop", "1500.00", "2027-03-31");
        goal(user, "Car", "9000.00", "2028-01-31");
        user.post("/api/budget/goals/" + goal(user, "Paused", "100.00", "2026-07-31") + "/pause", null)
                .expectStatus()
                .isOk();
        user.post("/api/budget/goals/" + goal(user, "Done early", "50.00", "2026-06-30") + "/complete", null)
                .expectStatus()
                .isOk();
        user.delete("/api/budget/goals/" + goal(user, "Deleted", "10.00", "2026-06-15"))
                .expectStatus()
                .isNoContent();

        JsonNode goals = dashboard("").get("nextGoals");

        List<String> lines = new ArrayList<>();
        goals.forEach(goal -> lines.add(goal.get("name").asString() + " "
                + goal.get("targetDate").asString() + " "
                + goal.get("saved").asString() + " " + goal.get("remaining").asString() + " "
                + goal.get("percent").asString()));
        assertThat(lines)
                .containsExactly(
                        "Bike 2026-09-30 0.00 400.00 0.0",
                        "Holiday 2026-12-31 250.00 750.00 25.0",
                        "Laptop 2027-03-31 0.00 1500.00 0.0");
    }

    @Test
    void habitsShowTheirStreaksFromMarksAndFromTheTransactions() {
        String cook = habit(user, Map.of("name", "Cook at home", "period", "DAY", "startsOn", "2026-05-29"));
        for (String day : List.of("2026-05-29", "2026-05-30", "2026-05-31")) {
            user.post(cook + "/completions/" + day, null).expectStatus().isCreated();
        }
        habit(
                user,
                Map.of(
                        "name", "No dining out",
                        "category", "dining",
                        "maxCount", 0,
                        "period", "DAY",
                        "startsOn", "2026-05-30"));
        habit(
                user,
                Map.of(
                        "name", "Groceries within 30.00 a day",
                        "category", "groceries",
                        "maxAmount", "30.00",
                        "currency", "EUR",
                        "period", "DAY",
                        "startsOn", "2026-05-31"));

        JsonNode habits = dashboard("").get("habits");

        List<String> lines = new ArrayList<>();
        habits.forEach(habit -> lines.add(
                habit.get("name").asString() + " " + habit.get("automatic").asBoolean()
                        + " " + habit.get("currentStreak").asInt() + "/"
                        + habit.get("longestStreak").asInt() + " "
                        + habit.get("current").asString()));
        // in creation order, then by id: the fixed clock creates them all in one instant
        assertThat(lines)
                .containsExactlyInAnyOrder(
                        // 29–31 May marked, today not yet
                        "Cook at home false 3/3 PENDING",
                        // 30 and 31 May without dining, today two dining expenses (EUR and USD)
                        "No dining out true 0/2 MISSED",
                        // 31 May 20.00, today 25.00 so far
                        "Groceries within 30.00 a day true 1/1 PENDING");
    }

    @Test
    void aUserWithNothingGetsAnEmptyDashboard() {
        JsonNode dashboard = json(BudgetClient.forANewUser(webTestClient)
                .get(DashboardController.PATH)
                .expectStatus()
                .isOk());

        assertThat(dashboard.get("budget").isNull()).isTrue();
        assertThat(dashboard.get("latestTransactions")).isEmpty();
        assertThat(dashboard.get("nextGoals")).isEmpty();
        assertThat(dashboard.get("habits")).isEmpty();
    }

    @Test
    void anUnknownZoneIsAProblem() {
        problem(user.get(DashboardController.PATH + "?zone=Europe/Atlantis"), 400, "VALIDATION_FAILED");
    }

    // ---------------------------------------------------------------------------------------------

    private JsonNode dashboard(String query) {
        return json(user.get(DashboardController.PATH + query).expectStatus().isOk());
    }

    private static List<String> categories(JsonNode budget) {
        List<String> lines = new ArrayList<>();
        budget.get("categories")
                .forEach(line -> lines.add(line.get("category").asString() + " "
                        + line.get("planned").asString() + " "
                        + line.get("spent").asString() + " "
                        + line.get("remaining").asString()));
        return lines;
    }

    private static void transaction(
            BudgetClient owner, String type, String amount, String currency, String category, String day) {
        owner.post(
                        "/api/budget/transactions",
                        Map.of(
                                "type", type,
                                "amount", amount,
                                "currency", currency,
                                "category", category,
                                "occurredOn", day))
                .expectStatus()
                .isCreated();
    }

    private static String goal(BudgetClient owner, String name, String target, String date) {
        return json(owner.post(
                                "/api/budget/goals",
                                Map.of("name", name, "targetAmount", target, "currency", "EUR", "targetDate", date))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
    }

    /** Creates the habit and answers its path. */
    private static String habit(BudgetClient owner, Map<String, Object> body) {
        String id = json(owner.post("/api/budget/habits", new HashMap<>(body))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        return "/api/budget/habits/" + id;
    }
}
