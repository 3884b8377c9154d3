package io.mita.budget.goal;

import static io.mita.budget.goal.GoalApi.json;
import static io.mita.budget.goal.GoalApi.problem;
import static io.mita.budget.goal.GoalFixtures.aContribution;
import static io.mita.budget.goal.GoalFixtures.aGoal;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class GoalOwnershipIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private GoalApi api;
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new GoalApi(webTestClient);
    }

    @Test
    void anotherUsersGoalIsNotFoundForEveryVerbAndStaysUnchanged() {
        UUID annsGoal = api.createdId(ann, aGoal());
        JsonNode before = json(api.get(ann, annsGoal).expectStatus().isOk());
        String goalPath = GoalApi.PATH + "/" + annsGoal;

        problem(api.get(bob, annsGoal), 404, "GOAL_NOT_FOUND");
        problem(api.get(bob, goalPath + "/health"), 404, "GOAL_NOT_FOUND");
        problem(api.get(bob, goalPath + "/contributions"), 404, "GOAL_NOT_FOUND");
        problem(api.patch(bob, annsGoal, Map.of("name", "mine"), null), 404, "GOAL_NOT_FOUND");
        problem(api.patch(bob, annsGoal, Map.of("name", "mine"), "\"0\""), 404, "GOAL_NOT_FOUND");
        for (String verb : new String[] {"pause", "resume", "complete"}) {
            problem(api.transition(bob, annsGoal, verb), 404, "GOAL_NOT_FOUND");
        }
        problem(api.contribute(bob, annsGoal, aContribution("10.00"), null), 404, "GOAL_NOT_FOUND");
        problem(api.contribute(bob, annsGoal, aContribution("10.00"), "bobs-key"), 404, "GOAL_NOT_FOUND");
        problem(api.delete(bob, annsGoal), 404, "GOAL_NOT_FOUND");

        assertThat(json(api.get(ann, annsGoal).expectStatus().isOk())).isEqualTo(before);
        assertThat(count("SELECT count(*) AS n FROM goal_contribution WHERE goal_id = :id", annsGoal))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM outbox_event WHERE data->>'goalId' = :id", annsGoal.toString()))
                .as("only the created event")
                .isEqualTo(1);
    }

    @Test
    void listsAndStatisticsShowOnlyTheCallersGoals() {
        UUID annsGoal = api.createdId(ann, aGoal());
        UUID bobsGoal = api.createdId(bob, aGoal());
        api.contribute(ann, annsGoal, aContribution("100.00"), null)
                .expectStatus()
                .isCreated();

        assertThat(json(api.get(bob, GoalApi.PATH).expectStatus().isOk())
                        .get("items")
                        .findValuesAsString("id"))
                .containsExactly(bobsGoal.toString());
        JsonNode bobsStatistics =
                json(api.get(bob, GoalApi.PATH + "/statistics").expectStatus().isOk());
        assertThat(bobsStatistics.get("goals").asInt()).isEqualTo(1);
        assertThat(bobsStatistics.get("byCurrency").get(0).get("saved").asString())
                .isEqualTo("0.00");
    }

    private long count(String sql, Object id) {
        return database.sql(sql)
                .bind("id", id)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}
