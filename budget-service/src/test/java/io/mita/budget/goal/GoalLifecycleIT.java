package io.mita.budget.goal;

import static io.mita.budget.goal.GoalApi.json;
import static io.mita.budget.goal.GoalApi.problem;
import static io.mita.budget.goal.GoalFixtures.aContribution;
import static io.mita.budget.goal.GoalFixtures.aGoal;
import static io.mita.budget.goal.GoalFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A goal's life against the real PostgreSQL: what is stored, read back, changed and refused. */
@MitaIntegrationTest
class GoalLifecycleIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private GoalApi api;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new GoalApi(webTestClient);
    }

    @Test
    void aGoalIsStoredReadBackPatchedWithItsVersionAndSoftDeleted() {
        JsonNode created = json(api.create(user, aGoal()).expectStatus().isCreated());
        UUID id = UUID.fromString(created.get("id").asString());

        assertThat(json(api.get(user, id).expectStatus().isOk())).isEqualTo(created);
        assertThat(created.get("targetAmount").asString()).isEqualTo("1200.00");

        JsonNode patched = json(api.patch(user, id, Map.of("name", "Rome", "targetAmount", "1500"), "\"0\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\""));
        assertThat(patched.get("name").asString()).isEqualTo("Rome");
        assertThat(patched.get("targetAmount").asString()).isEqualTo("1500.00");
        problem(api.patch(user, id, Map.of("name", "Paris"), "\"0\""), 412, "GOAL_PRECONDITION_FAILED");
        problem(
                api.patch(
                        user,
                        id,
                        Map.of("targetDate", LocalDate.now().minusDays(5).toString()),
                        null),
                422,
                "GOAL_TARGET_DATE_IN_PAST");
        assertThat(json(api.get(user, id).expectStatus().isOk()).get("name").asString())
                .isEqualTo("Rome");

        api.delete(user, id).expectStatus().isNoContent();
        problem(api.get(user, id), 404, "GOAL_NOT_FOUND");
        assertThat(json(api.get(user, GoalApi.PATH).expectStatus().isOk())
                        .get("items")
                        .size())
                .isZero();
        assertThat(database.sql("SELECT deleted_at IS NOT NULL AS gone FROM goal WHERE id = :id")
                        .bind("id", id)
                        .map(row -> row.get("gone", Boolean.class))
                        .one()
                        .block())
                .isTrue();
    }

    @Test
    void contributionsAddUpPauseAndResumeKeepThemAndReachingTheTargetCompletes() {
        UUID id = api.createdId(user, with(aGoal(), "targetAmount", "300.00"));

        api.contribute(user, id, aContribution("100.00"), null).expectStatus().isCreated();
        api.transition(user, id, "pause").expectStatus().isOk();
        api.contribute(user, id, aContribution("50.50"), null).expectStatus().isCreated();
        JsonNode paused = json(api.get(user, id).expectStatus().isOk());
        assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("progress").get("saved").asString()).isEqualTo("150.50");
        assertThat(paused.get("progress").get("remaining").asString()).isEqualTo("149.50");
        assertThat(paused.get("progress").get("percent").decimalValue()).isEqualByComparingTo("50.1");

        api.transition(user, id, "resume").expectStatus().isOk();
        api.contribute(user, id, aContribution("149.50"), null).expectStatus().isCreated();

        JsonNode completed = json(api.get(user, id).expectStatus().isOk());
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("completedAt").asString()).isNotBlank();
        problem(api.contribute(user, id, aContribution("1.00"), null), 409, "GOAL_ALREADY_COMPLETED");
        problem(api.transition(user, id, "pause"), 409, "GOAL_ALREADY_COMPLETED");
        problem(
                api.contribute(user, id, with(aContribution("1.00"), "currency", "USD"), null),
                409,
                "GOAL_ALREADY_COMPLETED");

        JsonNode history = json(api.get(user, GoalApi.PATH + "/" + id + "/contributions")
                .expectStatus()
                .isOk());
        assertThat(history.get("items").findValuesAsString("amount")).containsExactly("149.50", "50.50", "100.00");
        assertThat(database.sql("SELECT saved_amount FROM goal WHERE id = :id")
                        .bind("id", id)
                        .map(row -> row.get("saved_amount", BigDecimal.class))
                        .one()
                        .block())
                .isEqualByComparingTo("300.00");
    }

    @Test
    void aContributionInAnotherCurrencyIsRefusedAndNotStored() {
        UUID id = api.createdId(user, aGoal());

        problem(
                api.contribute(user, id, with(aContribution("1.00"), "currency", "USD"), null),
                422,
                "GOAL_CURRENCY_MISMATCH");

        assertThat(json(api.get(user, GoalApi.PATH + "/" + id + "/contributions")
                                .expectStatus()
                                .isOk())
                        .get("items")
                        .size())
                .isZero();
    }

    @Test
    void statisticsAndHealthAreComputedFromTheStoredGoals() {
        UUID first = api.createdId(user, with(aGoal(), "targetAmount", "1000.00"));
        UUID second = api.createdId(user, with(aGoal(), "targetAmount", "500.00"));
        api.createdId(user, with(with(aGoal(), "currency", "JPY"), "targetAmount", "10000"));
        api.contribute(user, first, aContribution("250.00"), null)
                .expectStatus()
                .isCreated();
        api.transition(user, second, "pause").expectStatus().isOk();

        JsonNode statistics =
                json(api.get(user, GoalApi.PATH + "/statistics").expectStatus().isOk());

        assertThat(statistics.get("goals").asInt()).isEqualTo(3);
        assertThat(statistics.get("active").asInt()).isEqualTo(2);
        assertThat(statistics.get("paused").asInt()).isEqualTo(1);
        assertThat(statistics.get("completed").asInt()).isZero();
        // (25.0 + 0 + 0) / 3 = 8.33, rounded down to one decimal
        assertThat(statistics.get("averageProgressPercent").decimalValue()).isEqualByComparingTo("8.3");
        assertThat(statistics.get("byCurrency").findValuesAsString("currency")).containsExactly("EUR", "JPY");
        assertThat(statistics.get("byCurrency").get(0).get("saved").asString()).isEqualTo("250.00");
        assertThat(statistics.get("byCurrency").get(0).get("target").asString()).isEqualTo("1500.00");
        assertThat(statistics.get("byCurrency").get(1).get("remaining").asString())
                .isEqualTo("10000");

        JsonNode health = json(api.get(user, GoalApi.PATH + "/" + first + "/health")
                .expectStatus()
                .isOk());
        // 750.00 left over 13 months; 250.00 in the first 30 days is a pace of 250.00 a month
        assertThat(health.get("verdict").asString()).isEqualTo("ON_TRACK");
        assertThat(health.get("monthsLeft").asInt()).isEqualTo(13);
        assertThat(health.get("suggestedMonthlyContribution").asString()).isEqualTo("57.70");
        assertThat(health.get("monthlyPace").asString()).isEqualTo("250.00");
    }
}
