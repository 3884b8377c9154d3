package io.mita.budget.goal;

import static io.mita.budget.goal.GoalApi.json;
import static io.mita.budget.goal.GoalApi.problem;
import static io.mita.budget.goal.GoalFixtures.aGoal;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

/** Allocations against the plan's savings target and the monthly transfer, with the plan table of the plan feature. */
@MitaIntegrationTest
class GoalAllocationIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    MonthlyGoalTransfers transfers;

    private GoalApi api;
    private final UUID user = UUID.randomUUID();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        api = new GoalApi(webTestClient);
    }

    @Test
    void allocationsStayWithinTheSavingsTargetOfTheMonthsPlan() {
        problem(allocate(api.createdId(user, aGoal()), "10.00", true), 422, "GOAL_NO_PLAN");
        plan(YearMonth.from(today), "EUR", 50_000);
        UUID first = api.createdId(user, aGoal());
        UUID second = api.createdId(user, aGoal());

        JsonNode allocated = json(allocate(first, "300.00", true).expectStatus().isOk());
        assertThat(allocated.get("available").asString()).isEqualTo("200.00");
        problem(allocate(second, "200.01", false), 422, "GOAL_ALLOCATION_EXCEEDS_SAVINGS");
        JsonNode full = json(allocate(second, "200.00", false).expectStatus().isOk());
        assertThat(full.get("allocated").asString()).isEqualTo("500.00");
        assertThat(full.get("available").asString()).isEqualTo("0.00");
        problem(allocate(api.createdId(user, aGoal()), "0.01", false), 422, "GOAL_ALLOCATION_EXCEEDS_SAVINGS");

        api.client()
                .delete()
                .uri(GoalApi.PATH + "/" + first + "/allocation")
                .header("Authorization", GoalApi.bearer(user))
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(json(allocate(second, "500.00", false).expectStatus().isOk())
                        .get("available")
                        .asString())
                .isEqualTo("0.00");
    }

    @Test
    void aPlanInAnotherCurrencyIsRefused() {
        plan(YearMonth.from(today), "USD", 50_000);

        problem(allocate(api.createdId(user, aGoal()), "10.00", true), 422, "GOAL_CURRENCY_MISMATCH");
    }

    @Test
    void theMonthlyTransferIsMadeOncePerGoalAndMonthEvenWhenRunsOverlap() {
        plan(YearMonth.from(today), "EUR", 50_000);
        UUID automatic = api.createdId(user, aGoal());
        UUID manual = api.createdId(user, aGoal());
        allocate(automatic, "150.00", true).expectStatus().isOk();
        allocate(manual, "100.00", false).expectStatus().isOk();

        List<Long> made = Flux.range(0, 3)
                .parallel(3)
                .runOn(Schedulers.boundedElastic())
                .map(i -> transfers.transferDue(today).block(Duration.ofSeconds(60)))
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(90));
        transfers.transferDue(today).block(Duration.ofSeconds(60));

        assertThat(made.stream().mapToLong(Long::longValue).sum()).isEqualTo(1L);
        JsonNode history = json(api.get(user, GoalApi.PATH + "/" + automatic + "/contributions")
                .expectStatus()
                .isOk());
        assertThat(history.get("items").size()).isEqualTo(1);
        assertThat(history.get("items").get(0).get("source").asString()).isEqualTo("AUTO_TRANSFER");
        assertThat(history.get("items").get(0).get("amount").asString()).isEqualTo("150.00");
        assertThat(json(api.get(user, manual).expectStatus().isOk())
                        .get("progress")
                        .get("saved")
                        .asString())
                .isEqualTo("0.00");
        assertThat(database.sql("SELECT count(*) AS n FROM outbox_event WHERE subject = :user AND type = :type")
                        .bind("user", user.toString())
                        .bind("type", GoalPublisher.CONTRIBUTION_ADDED)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isEqualTo(1L);
    }

    private WebTestClient.ResponseSpec allocate(UUID goal, String amount, boolean autoTransfer) {
        return api.client()
                .put()
                .uri(GoalApi.PATH + "/" + goal + "/allocation")
                .header("Authorization", GoalApi.bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("monthlyAmount", amount, "autoTransfer", autoTransfer))
                .exchange();
    }

    /** A plan row as the plan feature stores it (its table, V2), with only what goals read being meaningful. */
    private void plan(YearMonth month, String currency, long savingsTargetMinor) {
        database.sql("""
                        INSERT INTO budget_plan (id, user_id, month, currency, income_minor, savings_target_minor,
                            commitments, allocations, allow_over_allocation, release_commitments, release_savings,
                            created_at, updated_at, version)
                        VALUES (:id, :userId, :month, :currency, :income, :savings, CAST('[]' AS jsonb),
                            CAST('[]' AS jsonb), false, false, false, :now, :now, 0)""")
                .bind("id", UUID.randomUUID())
                .bind("userId", user)
                .bind("month", month.atDay(1))
                .bind("currency", currency)
                .bind("income", savingsTargetMinor * 4)
                .bind("savings", savingsTargetMinor)
                .bind("now", Instant.now())
                .fetch()
                .rowsUpdated()
                .block();
    }
}
