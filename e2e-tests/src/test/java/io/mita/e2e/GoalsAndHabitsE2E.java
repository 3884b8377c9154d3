package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Savings goals and habits through the gateway, as the app uses them: a goal saved into with an
 * {@code Idempotency-Key} (a retried contribution counts once), its progress, completed, and then refusing money
 * with a problem; a habit kept by hand day after day and its streak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoalsAndHabitsE2E {

    private final MobileApp app = new MobileApp();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private String token;

    @BeforeAll
    void aUserRegistersAndLogsIn() {
        token = app.login(app.register("saver"));
    }

    @Test
    void aGoalTakesOneContributionPerKeyShowsItsProgressCompletesAndThenRefusesMoney() {
        String goal = "/api/budget/goals/"
                + app.http
                        .post()
                        .uri("/api/budget/goals")
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "name", "New bike",
                                "targetAmount", "400.00",
                                "currency", "EUR",
                                "targetDate", today.plusMonths(6).toString()))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("id");
        String key = "bike-" + UUID.randomUUID();
        Object first = contribute(goal, key, "150.00")
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        Object replay = contribute(goal, key, "150.00")
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        assertThat(replay).as("the retried contribution answers the first").isEqualTo(first);
        problem(contribute(goal, key, "99.00"), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");

        app.http
                .get()
                .uri(goal)
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE")
                .jsonPath("$.progress.saved")
                .isEqualTo("150.00")
                .jsonPath("$.progress.remaining")
                .isEqualTo("250.00")
                .jsonPath("$.progress.percent")
                .isEqualTo(37.5);

        app.http
                .post()
                .uri(goal + "/complete")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");

        problem(contribute(goal, "bike-" + UUID.randomUUID(), "10.00"), 409, "GOAL_ALREADY_COMPLETED");
        app.http
                .get()
                .uri(goal)
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.progress.saved")
                .isEqualTo("150.00");
    }

    @Test
    void aHabitKeptByHandCountsItsStreakDayAfterDay() {
        String habit = "/api/budget/habits/"
                + app.http
                        .post()
                        .uri("/api/budget/habits")
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "name",
                                "Cook at home",
                                "period",
                                "DAY",
                                "startsOn",
                                today.minusDays(2).toString()))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("id");
        mark(habit, today.minusDays(2)).expectStatus().isCreated();
        mark(habit, today.minusDays(1)).expectStatus().isCreated();
        mark(habit, today.minusDays(1)).expectStatus().isOk();

        app.http
                .get()
                .uri(habit + "/progress")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentStreak")
                .isEqualTo(2)
                .jsonPath("$.periods[2].status")
                .isEqualTo("PENDING");

        mark(habit, today).expectStatus().isCreated();
        app.http
                .get()
                .uri(habit + "/progress")
                .headers(this::auth)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentStreak")
                .isEqualTo(3)
                .jsonPath("$.longestStreak")
                .isEqualTo(3);
        problem(mark(habit, today.plusDays(2)), 422, "BUDGET_HABIT_DAY_NOT_TRACKED");
    }

    private WebTestClient.ResponseSpec contribute(String goal, String key, String amount) {
        return app.http
                .post()
                .uri(goal + "/contributions")
                .headers(this::auth)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amount", amount, "currency", "EUR"))
                .exchange();
    }

    private WebTestClient.ResponseSpec mark(String habit, LocalDate day) {
        return app.http
                .post()
                .uri(habit + "/completions/" + day)
                .headers(this::auth)
                .exchange();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code);
    }

    private void auth(HttpHeaders headers) {
        headers.setBearerAuth(token);
    }
}
