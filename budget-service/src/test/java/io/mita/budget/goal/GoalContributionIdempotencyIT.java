package io.mita.budget.goal;

import static io.mita.budget.goal.GoalApi.json;
import static io.mita.budget.goal.GoalApi.problem;
import static io.mita.budget.goal.GoalFixtures.aContribution;
import static io.mita.budget.goal.GoalFixtures.aGoal;
import static io.mita.budget.goal.GoalFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** Contributions with Idempotency-Key, and concurrent contributions, against the real PostgreSQL. */
@MitaIntegrationTest
class GoalContributionIdempotencyIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private GoalApi api;
    private final UUID user = UUID.randomUUID();
    private final String key = "key-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new GoalApi(webTestClient);
    }

    @Test
    void aReplayAnswersTheSameContributionWithoutASecondRowOrEvent() {
        UUID goal = api.createdId(user, aGoal());

        JsonNode first = json(api.contribute(user, goal, aContribution("25.00"), key)
                .expectStatus()
                .isCreated());
        JsonNode replay = json(api.contribute(user, goal, aContribution("25"), key)
                .expectStatus()
                .isCreated());

        assertThat(replay).isEqualTo(first);
        assertThat(contributions(goal)).isEqualTo(1);
        assertThat(saved(goal)).isEqualTo("25.00");
        assertThat(events("mita.budget.goal.contribution-added.v1")).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherAmountOrGoalIsRefused() {
        UUID goal = api.createdId(user, aGoal());
        UUID other = api.createdId(user, aGoal());
        api.contribute(user, goal, aContribution("25.00"), key).expectStatus().isCreated();

        problem(api.contribute(user, goal, aContribution("26.00"), key), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");
        problem(api.contribute(user, other, aContribution("25.00"), key), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");

        assertThat(contributions(goal) + contributions(other)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneContribution() {
        UUID goal = api.createdId(user, aGoal());

        List<String> ids = concurrently(8, i -> key, goal, "10.00");

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(contributions(goal)).isEqualTo(1);
        assertThat(saved(goal)).isEqualTo("10.00");
        assertThat(events("mita.budget.goal.contribution-added.v1")).isEqualTo(1);
    }

    @Test
    void concurrentContributionsWithoutKeysAllAddUp() {
        UUID goal = api.createdId(user, aGoal());

        List<String> ids = concurrently(10, i -> null, goal, "1.25");

        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
        assertThat(contributions(goal)).isEqualTo(10);
        assertThat(saved(goal)).isEqualTo("12.50");
        assertThat(json(api.get(user, goal).expectStatus().isOk())
                        .get("version")
                        .asLong())
                .isEqualTo(10L);
    }

    @Test
    void concurrentContributionsThatCrossTheTargetCompleteItOnceAndRefuseTheRest() {
        UUID goal = api.createdId(user, with(aGoal(), "targetAmount", "3.00"));

        List<Integer> statuses = Flux.range(0, 6)
                .parallel(6)
                .runOn(Schedulers.boundedElastic())
                .map(i -> api.contribute(user, goal, aContribution("1.00"), null)
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        assertThat(saved(goal)).isEqualTo("3.00");
        assertThat(events("mita.budget.goal.completed.v1")).isEqualTo(1);
    }

    @Test
    void aKeyThatIsTooLongIsRefused() {
        UUID goal = api.createdId(user, aGoal());

        problem(api.contribute(user, goal, aContribution("1.00"), "k".repeat(129)), 400, "VALIDATION_FAILED");

        assertThat(contributions(goal)).isZero();
    }

    private List<String> concurrently(
            int requests, java.util.function.IntFunction<String> keyOf, UUID goal, String amount) {
        WebTestClient client = api.client();
        String token = GoalApi.bearer(user);
        return Flux.range(0, requests)
                .parallel(requests)
                .runOn(Schedulers.boundedElastic())
                .map(i -> client.post()
                        .uri(GoalApi.PATH + "/" + goal + "/contributions")
                        .header("Authorization", token)
                        .headers(h -> {
                            if (keyOf.apply(i) != null) {
                                h.set(GoalController.IDEMPOTENCY_KEY, keyOf.apply(i));
                            }
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(aContribution(amount))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .map(response -> GoalApi.JSON.readTree(response).get("id").asString())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    private long contributions(UUID goal) {
        return database.sql("SELECT count(*) AS n FROM goal_contribution WHERE goal_id = :goal")
                .bind("goal", goal)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private String saved(UUID goal) {
        return json(api.get(user, goal).expectStatus().isOk())
                .get("progress")
                .get("saved")
                .asString();
    }

    private long events(String type) {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE subject = :user AND type = :type")
                .bind("user", user.toString())
                .bind("type", type)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}
