package io.mita.budget.plan;

import static io.mita.budget.plan.EveOfThisMonth.FIRST_DAY;
import static io.mita.budget.plan.EveOfThisMonth.MONTH;
import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.budget.support.BudgetClient;
import io.mita.testsupport.GoldenEvents;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Redistribution wired to the transactions, against PostgreSQL and Kafka: a spending change redistributes its
 * month in the same request, the run is listed and the calendar shows it; thresholds go out once per category
 * and month under parallel requests and on-demand reruns; the events reach the topic.
 */
@MitaIntegrationTest
@Import(EveOfThisMonth.class)
class RedistributionIT {

    private static final String TOPIC = "mita.budget.v1";

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Test
    void anOverspentDayIsCoveredFromTheRestOfTheMonthInTheSameRequest() {
        BudgetClient user = user();
        user.put(plans(), plan("400.00", "150.00"), null).expectStatus().isCreated();

        user.spend("50.00", "groceries", FIRST_DAY.toString());

        JsonNode runs =
                json(user.get(plans() + "/redistributions").expectStatus().isOk());
        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.get("trigger").asString()).isEqualTo("SPENDING_CHANGED");
        assertThat(run.get("balanced").asBoolean()).isTrue();
        assertThat(run.get("moves")).isNotEmpty();
        run.get("moves").forEach(move -> {
            assertThat(move.get("toDay").asString()).isEqualTo(FIRST_DAY.toString());
            assertThat(move.get("toCategory").asString()).isEqualTo("groceries");
            assertThat(move.get("fromCategory").asString()).isEqualTo("groceries");
            assertThat(move.get("reason").asString()).isEqualTo("OVERSPENDING_COVERED_FROM_SAME_CATEGORY");
        });

        JsonNode calendar =
                json(user.get("/api/budget/calendar/" + MONTH).expectStatus().isOk());
        JsonNode firstDay = calendar.get("days").get(0);
        JsonNode groceries = firstDay.get("categories").get(0);
        assertThat(groceries.get("category").asString()).isEqualTo("groceries");
        assertThat(groceries.get("planned").asString()).isEqualTo("50.00");
        assertThat(groceries.get("spent").asString()).isEqualTo("50.00");
        assertThat(groceries.get("remaining").asString()).isEqualTo("0.00");
        assertThat(dailyTotal(user, "groceries"))
                .as("redistribution never changes the month's total")
                .isEqualTo(40_000);
    }

    @Test
    void aSecondOverspendingRewritesOnlyTheCategoryItMovesAndKeepsEveryCategorysRow() {
        BudgetClient user = user();
        user.put(plans(), plan("400.00", "150.00"), null).expectStatus().isCreated();
        user.spend("50.00", "groceries", FIRST_DAY.toString());
        Map<String, String> before = rowVersions(user);

        user.spend("20.00", "groceries", FIRST_DAY.toString());

        Map<String, String> after = rowVersions(user);
        assertThat(after.keySet()).as("both categories keep their row").isEqualTo(before.keySet());
        List<String> rewritten = new ArrayList<>();
        after.forEach((cell, version) -> {
            if (!version.equals(before.get(cell))) {
                rewritten.add(cell);
            }
        });
        assertThat(rewritten)
                .as("only the groceries month the second run moved is written, dining is untouched")
                .containsExactly("groceries");
        JsonNode firstDay = json(user.get("/api/budget/calendar/" + MONTH)
                        .expectStatus()
                        .isOk())
                .get("days")
                .get(0)
                .get("categories")
                .get(0);
        assertThat(firstDay.get("planned").asString()).isEqualTo("70.00");
        assertThat(dailyTotal(user, "groceries")).isEqualTo(40_000);
        assertThat(dailyTotal(user, "dining")).isEqualTo(15_000);
    }

    @Test
    void aSpendingChangeInAMonthWhoseCategoryRowIsMissingWritesTheWholeMonthAgain() {
        BudgetClient user = user();
        user.put(plans(), plan("400.00", "150.00"), null).expectStatus().isCreated();
        user.spend("50.00", "groceries", FIRST_DAY.toString());
        database.sql("DELETE FROM month_allocation WHERE user_id = :user AND category = 'groceries'")
                .bind("user", user.user())
                .fetch()
                .rowsUpdated()
                .block(Duration.ofSeconds(30));

        user.spend("20.00", "groceries", FIRST_DAY.toString());

        assertThat(count(
                        "SELECT sum(cardinality(amounts)) AS n FROM month_allocation"
                                + " WHERE user_id = :user AND category = 'groceries'",
                        user))
                .as("the category has its row again, a day each")
                .isEqualTo(MONTH.lengthOfMonth());
        assertThat(json(user.get("/api/budget/calendar/" + MONTH).expectStatus().isOk())
                        .get("days")
                        .get(0)
                        .get("categories")
                        .get(0)
                        .get("planned")
                        .asString())
                .isEqualTo("70.00");
        assertThat(json(user.get(plans() + "/redistributions").expectStatus().isOk()))
                .as("both runs recorded")
                .hasSize(2);
    }

    @Test
    void anExpenseInAMonthWithoutPlanRedistributesNothing() {
        BudgetClient user = user();

        user.spend("50.00", "groceries", FIRST_DAY.toString());

        assertThat(count("SELECT count(*) AS n FROM redistribution_run WHERE user_id = :user", user))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM month_allocation WHERE user_id = :user", user))
                .isZero();
    }

    @Test
    void parallelExpensesPublishEachThresholdOnceAndKeepTheMonthsTotal() {
        BudgetClient user = user();
        user.put(plans(), plan("100.00", "150.00"), null).expectStatus().isCreated();
        KafkaConsumer<String, CloudEvent> consumer = KafkaTestBroker.consumer("budget-threshold-it");
        consumer.subscribe(List.of(TOPIC));
        try {
            List<Integer> statuses = Flux.range(0, 12)
                    .parallel(12)
                    .runOn(Schedulers.boundedElastic())
                    .map(i -> user.post(
                                    "/api/budget/transactions",
                                    Map.of(
                                            "type", "EXPENSE",
                                            "amount", "10.00",
                                            "currency", "EUR",
                                            "category", "groceries",
                                            "occurredOn", FIRST_DAY.toString()))
                            .returnResult(String.class)
                            .getStatus()
                            .value())
                    .sequential()
                    .collectList()
                    .block(Duration.ofSeconds(120));
            assertThat(statuses).containsOnly(201).hasSize(12);
            user.post(plans() + "/redistribute", null).expectStatus().isOk();

            assertThat(count(
                            "SELECT count(*) AS n FROM outbox_event WHERE subject = :subject"
                                    + " AND type = 'mita.budget.threshold.reached.v1'",
                            user))
                    .isEqualTo(2);
            assertThat(count("SELECT count(*) AS n FROM threshold_reached WHERE user_id = :user", user))
                    .isEqualTo(2);
            assertThat(dailyTotal(user, "groceries") + dailyTotal(user, "dining"))
                    .as("no run lost another's moves")
                    .isEqualTo(25_000);

            Map<String, List<JsonNode>> events = eventsOf(
                    consumer,
                    user,
                    Map.of(
                            PlanPublisher.THRESHOLD_REACHED,
                            2,
                            PlanPublisher.UPDATED,
                            1,
                            PlanPublisher.REDISTRIBUTED,
                            1));
            assertThat(events.get(PlanPublisher.THRESHOLD_REACHED))
                    .extracting(data -> data.get("percent").asInt())
                    .containsExactlyInAnyOrder(80, 100);
            for (String type :
                    List.of(PlanPublisher.THRESHOLD_REACHED, PlanPublisher.UPDATED, PlanPublisher.REDISTRIBUTED)) {
                GoldenEvents.assertSerialisesToShapeOf(type, events.get(type).get(0));
            }
        } finally {
            consumer.close();
        }
    }

    /**
     * Polls the topic until the user's events reached at least the wanted count of each type (events of other
     * users are skipped; the Kafka key must be the user id); answers the payloads by type.
     */
    private static Map<String, List<JsonNode>> eventsOf(
            KafkaConsumer<String, CloudEvent> consumer, BudgetClient user, Map<String, Integer> wanted) {
        Map<String, List<JsonNode>> found = new HashMap<>();
        wanted.keySet().forEach(type -> found.put(type, new ArrayList<>()));
        Instant deadline = Instant.now().plus(KafkaTestBroker.patience());
        while (!complete(found, wanted) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                CloudEvent event = record.value();
                if (event != null
                        && user.user().toString().equals(event.getSubject())
                        && found.containsKey(event.getType())) {
                    assertThat(record.key()).isEqualTo(user.user().toString());
                    found.get(event.getType()).add(data(event));
                }
            }
        }
        wanted.forEach((type, count) -> assertThat(found.get(type))
                .as("%s events about %s", type, user.user())
                .hasSizeGreaterThanOrEqualTo(count));
        return found;
    }

    private static boolean complete(Map<String, List<JsonNode>> found, Map<String, Integer> wanted) {
        return wanted.entrySet().stream()
                .allMatch(entry -> found.get(entry.getKey()).size() >= entry.getValue());
    }

    private BudgetClient user() {
        return BudgetClient.forANewUser(webTestClient);
    }

    private static String plans() {
        return "/api/budget/plans/" + MONTH;
    }

    private static Map<String, Object> plan(String groceries, String dining) {
        return aPlan().withIncome("2000.00")
                .withCategories("groceries", groceries, "dining", dining)
                .json();
    }

    private static JsonNode data(CloudEvent event) {
        return BudgetClient.JSON.readTree(event.getData().toBytes());
    }

    private long dailyTotal(BudgetClient user, String category) {
        return database.sql("SELECT coalesce(sum(amount), 0) AS n FROM month_allocation, unnest(amounts) AS amount"
                        + " WHERE user_id = :user AND category = :category")
                .bind("user", user.user())
                .bind("category", category)
                .map(row -> ((Number) row.get("n")).longValue())
                .one()
                .block();
    }

    /** Each category row of the user's daily allocations with its row version (xmin: changes on every write). */
    private Map<String, String> rowVersions(BudgetClient user) {
        return database.sql("SELECT category AS cell, xmin::text AS version FROM month_allocation"
                        + " WHERE user_id = :user")
                .bind("user", user.user())
                .map(row -> Map.entry(row.get("cell", String.class), row.get("version", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
    }

    private long count(String sql, BudgetClient user) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql);
        spec = sql.contains(":subject") ? spec.bind("subject", user.user().toString()) : spec.bind("user", user.user());
        return spec.map(row -> ((Number) row.get("n")).longValue()).one().block();
    }
}
