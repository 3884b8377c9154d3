package io.mita.budget.plan;

import static io.mita.budget.plan.EveOfThisMonth.MONTH;
import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.BudgetClient;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** Plans against PostgreSQL: persistence of every member, ETag and If-Match, copy forward, daily allocations. */
@MitaIntegrationTest
@Import(EveOfThisMonth.class)
class PlanIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private BudgetClient alice;
    private final String path = "/api/budget/plans/" + MONTH;

    @BeforeEach
    void setUp() {
        alice = BudgetClient.forANewUser(webTestClient);
    }

    @Test
    void aPlanIsStoredWithEveryMemberAndReadBackWithItsETag() {
        JsonNode created = json(alice.put(path, aPlan(), null)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\""));

        JsonNode read =
                json(alice.get(path).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\""));

        assertThat(read).isEqualTo(created);
        assertThat(read.get("commitments").get(0).get("name").asString()).isEqualTo("Rent");
        assertThat(read.get("categories")
                        .get(1)
                        .get("weekdayWeights")
                        .get("SATURDAY")
                        .asInt())
                .isEqualTo(2);
        assertThat(read.get("releasable").get("savings").asBoolean()).isTrue();
        assertThat(read.get("unallocated").asString()).isEqualTo("750.00");
        assertThat(dailyTotal()).as("the categories spread over the month").isEqualTo(55_000);
        assertThat(rows("SELECT count(DISTINCT cardinality(amounts)) AS n FROM month_allocation WHERE user_id = :user"))
                .isOne();
        assertThat(rows("SELECT max(cardinality(amounts)) AS n FROM month_allocation WHERE user_id = :user"))
                .isEqualTo(MONTH.lengthOfMonth());
    }

    @Test
    void changesNeedTheCurrentETag() {
        alice.put(path, aPlan(), null).expectStatus().isCreated();

        problem(alice.put(path, aPlan(), null), 428, "PLAN_PRECONDITION_REQUIRED");
        alice.put(path, with(aPlan(), "income", "3000.00"), "\"0\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"");
        problem(alice.put(path, aPlan(), "\"0\""), 412, "PLAN_VERSION_MISMATCH");

        assertThat(json(alice.get(path).expectStatus().isOk()).get("income").asString())
                .isEqualTo("3000.00");
        assertThat(
                        rows(
                                "SELECT count(*) AS n FROM outbox_event WHERE subject = :subject AND type = 'mita.budget.plan.updated.v1'"))
                .isEqualTo(2);
    }

    @Test
    void concurrentChangesWithTheSameETagLetExactlyOneWin() {
        alice.put(path, aPlan(), null).expectStatus().isCreated();

        List<Integer> statuses = Flux.range(0, 6)
                .parallel(6)
                .runOn(Schedulers.boundedElastic())
                .map(i -> alice.put(path, with(aPlan(), "income", (2600 + i) + ".00"), "\"0\"")
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(5);
        assertThat(rows("SELECT version AS n FROM budget_plan WHERE user_id = :user"))
                .isEqualTo(1);
    }

    @Test
    void anOverAllocatedPlanIsRefusedAndNothingIsStored() {
        problem(alice.put(path, with(aPlan(), "income", "1000.00"), null), 422, "PLAN_OVER_ALLOCATED");

        assertThat(rows("SELECT count(*) AS n FROM budget_plan WHERE user_id = :user"))
                .isZero();
        assertThat(rows("SELECT count(*) AS n FROM month_allocation WHERE user_id = :user"))
                .isZero();
    }

    @Test
    void copyPreviousCopiesLastMonthForward() {
        String previous = "/api/budget/plans/" + MONTH.minusMonths(1);
        alice.put(previous, aPlan(), null).expectStatus().isCreated();

        JsonNode copy =
                json(alice.post(path + "/copy-previous", null).expectStatus().isCreated());

        assertThat(copy.get("month").asString()).isEqualTo(MONTH.toString());
        assertThat(copy.get("categories"))
                .isEqualTo(json(alice.get(previous).expectStatus().isOk()).get("categories"));
        problem(alice.post(path + "/copy-previous", null), 409, "PLAN_ALREADY_EXISTS");
        assertThat(dailyTotal()).isEqualTo(55_000);
    }

    @Test
    void anotherUsersPlanIsNotFound() {
        alice.put(path, aPlan(), null).expectStatus().isCreated();
        BudgetClient bob = BudgetClient.forANewUser(webTestClient);

        problem(bob.get(path), 404, "PLAN_NOT_FOUND");
        problem(bob.get("/api/budget/calendar/" + MONTH), 404, "PLAN_NOT_FOUND");
    }

    /** Income 2,500, rent 900, savings 300, groceries 400, dining 150 (weekends weigh 2). */
    static Map<String, Object> aPlan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("income", "2500.00");
        plan.put("currency", "EUR");
        plan.put("savingsTarget", "300.00");
        plan.put("commitments", List.of(Map.of("name", "Rent", "amount", "900.00")));
        plan.put(
                "categories",
                List.of(
                        Map.of("category", "groceries", "amount", "400.00"),
                        Map.of(
                                "category",
                                "dining",
                                "amount",
                                "150.00",
                                "weekdayWeights",
                                Map.of("SATURDAY", 2, "SUNDAY", 2))));
        plan.put("releasable", Map.of("commitments", false, "savings", true));
        return plan;
    }

    static Map<String, Object> with(Map<String, Object> plan, String member, Object value) {
        Map<String, Object> changed = new HashMap<>(plan);
        changed.put(member, value);
        return changed;
    }

    /** This month's daily allocations of the plan's two categories. */
    private long dailyTotal() {
        return rows("SELECT coalesce(sum(amount), 0) AS n FROM month_allocation, unnest(amounts) AS amount"
                + " WHERE user_id = :user AND category IN ('groceries', 'dining') AND month = '" + MONTH.atDay(1)
                + "'");
    }

    private long rows(String sql) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql);
        spec = sql.contains(":subject")
                ? spec.bind("subject", alice.user().toString())
                : spec.bind("user", alice.user());
        return spec.map(row -> ((Number) row.get("n")).longValue()).one().block();
    }
}
