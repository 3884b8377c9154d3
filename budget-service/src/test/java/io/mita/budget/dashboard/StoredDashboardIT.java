package io.mita.budget.dashboard;

import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static io.mita.budget.support.ReceiptFixtures.aGroceriesReceipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.budget.inbound.ReceiptTransactions;
import io.mita.budget.support.BudgetClient;
import io.mita.budget.support.HeldErasure;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The stored dashboards (V8) against the real database, today 1 June 2026 (UTC). Each kind of write is shown to end
 * the serving of the dashboard stored before it: the stored row is first given a marker goal that only a served
 * stored dashboard can show (so the read before the write is proven a hit), then the write, then the read must be
 * computed again (no marker) and show the write. The races are played in their worst order, step by step.
 */
@MitaIntegrationTest
@Import(FirstOfJune.class)
class StoredDashboardIT {

    static final String MARKER = "Served as stored";
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    static final Map<String, Object> JUNE_PLAN = aPlan().json();

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReceiptTransactions receipts;

    @Autowired
    DashboardStatement statement;

    @Autowired
    StoredDashboards stored;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactiveTransactionManager transactions;

    private BudgetClient user;

    @BeforeEach
    void setUp() {
        user = BudgetClient.forANewUser(webTestClient);
        user.put("/api/budget/plans/2026-06", JUNE_PLAN, null).expectStatus().isCreated();
        user.spend("3.00", "dining", "2026-06-01");
    }

    @Test
    void anUnchangedDashboardIsServedAsStoredAndCountedAsAHit() {
        double hits = reads("hit");
        double misses = reads("miss");

        JsonNode computed = dashboard("");
        JsonNode served = dashboard("");

        assertThat(served).isEqualTo(computed);
        assertThat(reads("miss")).isEqualTo(misses + 1);
        assertThat(reads("hit")).isEqualTo(hits + 1);
        assertThat(storedVersion()).isEqualTo(dataVersion()).isPositive();
    }

    @Test
    void aCreatedTransactionEndsTheStoredDashboard() {
        long before = servedAsStoredWithTheMarker();

        user.spend("7.00", "dining", "2026-06-01");

        JsonNode dashboard = recomputedAfterAWrite(before);
        assertThat(dashboard.get("latestTransactions")).hasSize(2);
        assertThat(dashboard.get("budget").get("spent").asString()).isEqualTo("10.00");
    }

    @Test
    void aPatchedTransactionEndsTheStoredDashboard() {
        UUID coffee = user.spend("7.00", "dining", "2026-06-01");
        long before = servedAsStoredWithTheMarker();

        user.patch("/api/budget/transactions/" + coffee, Map.of("amount", "9.00"))
                .expectStatus()
                .isOk();

        JsonNode dashboard = recomputedAfterAWrite(before);
        assertThat(dashboard.get("budget").get("spent").asString()).isEqualTo("12.00");
    }

    @Test
    void aDeletedTransactionEndsTheStoredDashboard() {
        UUID coffee = user.spend("7.00", "dining", "2026-06-01");
        long before = servedAsStoredWithTheMarker();

        user.delete("/api/budget/transactions/" + coffee).expectStatus().isNoContent();

        JsonNode dashboard = recomputedAfterAWrite(before);
        assertThat(dashboard.get("latestTransactions")).hasSize(1);
        assertThat(dashboard.get("budget").get("spent").asString()).isEqualTo("3.00");
    }

    @Test
    void aTransactionCreatedFromAReceiptEndsTheStoredDashboard() {
        long before = servedAsStoredWithTheMarker();

        Boolean created = receipts.recordOnce(
                        UUID.randomUUID(), aGroceriesReceipt(user.user(), "Lidl", JUNE_1, "12.00"))
                .block(Duration.ofSeconds(30));

        assertThat(created).isTrue();
        JsonNode dashboard = recomputedAfterAWrite(before);
        List<String> merchants = new ArrayList<>();
        dashboard
                .get("latestTransactions")
                .forEach(line -> merchants.add(line.get("merchant").asString()));
        assertThat(merchants).contains("Lidl");
        assertThat(dashboard.get("budget").get("spent").asString()).isEqualTo("15.00");
    }

    @Test
    void aChangedPlanEndsTheStoredDashboard() {
        String etag = user.get("/api/budget/plans/2026-06")
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        long before = servedAsStoredWithTheMarker();

        user.put(
                        "/api/budget/plans/2026-06",
                        aPlan().withCategories("groceries", "600.00", "dining", "150.00")
                                .json(),
                        etag)
                .expectStatus()
                .isOk();

        JsonNode dashboard = recomputedAfterAWrite(before);
        assertThat(dashboard.get("budget").get("planned").asString()).isEqualTo("750.00");
    }

    @Test
    void aRedistributionEndsTheStoredDashboard() {
        // 25.00 of groceries today written straight into the table: no redistribution has covered it yet
        database.sql("INSERT INTO transaction (id, user_id, type, amount, currency, category, occurred_on, created_at,"
                        + " updated_at) VALUES (gen_random_uuid(), :userId, 'EXPENSE', 25.00, 'EUR', 'groceries',"
                        + " DATE '2026-06-01', now(), now())")
                .bind("userId", user.user())
                .then()
                .block(Duration.ofSeconds(30));
        long before = servedAsStoredWithTheMarker();
        String uncovered =
                dashboard("?zone=UTC").get("budget").get("safeToSpendToday").asString();

        user.post("/api/budget/plans/2026-06/redistribute", null).expectStatus().isOk();

        JsonNode dashboard = recomputedAfterAWrite(before);
        // groceries today: 25.00 planned after the move from 2–30 June, 25.00 spent; dining 5.00 − 3.00
        assertThat(dashboard.get("budget").get("safeToSpendToday").asString())
                .isEqualTo("2.00")
                .isNotEqualTo(uncovered);
    }

    @Test
    void aGoalContributionEndsTheStoredDashboard() {
        String holiday = json(user.post(
                                "/api/budget/goals",
                                Map.of(
                                        "name", "Holiday",
                                        "targetAmount", "1000.00",
                                        "currency", "EUR",
                                        "targetDate", "2026-12-31"))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        long before = servedAsStoredWithTheMarker();

        user.post("/api/budget/goals/" + holiday + "/contributions", Map.of("amount", "250.00", "currency", "EUR"))
                .expectStatus()
                .isCreated();

        JsonNode goals = recomputedAfterAWrite(before).get("nextGoals");
        assertThat(goals).hasSize(1);
        assertThat(goals.get(0).get("saved").asString()).isEqualTo("250.00");
    }

    @Test
    void aMarkedHabitEndsTheStoredDashboard() {
        String cook = "/api/budget/habits/"
                + json(user.post(
                                        "/api/budget/habits",
                                        Map.of("name", "Cook at home", "period", "DAY", "startsOn", "2026-06-01"))
                                .expectStatus()
                                .isCreated())
                        .get("id")
                        .asString();
        long before = servedAsStoredWithTheMarker();

        user.post(cook + "/completions/2026-06-01", null).expectStatus().isCreated();

        JsonNode habit = recomputedAfterAWrite(before).get("habits").get(0);
        assertThat(habit.get("currentStreak").asInt()).isEqualTo(1);
        assertThat(habit.get("current").asString()).isEqualTo("KEPT");
    }

    @Test
    void aRenamedOrArchivedCategoryEndsTheStoredDashboardThoughTheDashboardShowsNoNames() {
        String hobbies = json(user.post("/api/budget/categories", Map.of("name", "Hobbies"))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        JsonNode computed = dashboard("");
        long before = servedAsStoredWithTheMarker();

        user.patch("/api/budget/categories/" + hobbies, Map.of("name", "Pastimes"))
                .expectStatus()
                .isOk();

        assertThat(recomputedAfterAWrite(before)).isEqualTo(computed);
        long renamed = servedAsStoredWithTheMarker();

        user.post("/api/budget/categories/" + hobbies + "/archive", null)
                .expectStatus()
                .isOk();

        assertThat(recomputedAfterAWrite(renamed)).isEqualTo(computed);
    }

    @Test
    void anotherDayIsComputedForThatDayNotServedFromTheStoredOne() {
        servedAsStoredWithTheMarker();

        // noon UTC on 1 June is 2 June on Kiritimati (UTC+14): the stored 1 June is not that day
        JsonNode tomorrow = dashboard("?zone=Pacific/Kiritimati");

        assertThat(tomorrow.get("today").asString()).isEqualTo("2026-06-02");
        assertThat(markerShown(tomorrow)).isFalse();
        // dining today (2 June): 5.00, nothing spent yet; groceries 10.00
        assertThat(tomorrow.get("budget").get("safeToSpendToday").asString()).isEqualTo("15.00");
        assertThat(storedDay()).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    void aDashboardComputedBeforeAWriteButStoredAfterItIsNeverServed() {
        DashboardTexts beforeTheWrite =
                statement.compute(user.user(), new DashboardDay(JUNE_1)).block(Duration.ofSeconds(30));

        user.spend("7.00", "dining", "2026-06-01");
        stored.store(user.user(), new DashboardDay(JUNE_1), beforeTheWrite).block(Duration.ofSeconds(30));

        assertThat(storedVersion()).isEqualTo(beforeTheWrite.version()).isLessThan(dataVersion());
        JsonNode dashboard = dashboard("");
        assertThat(dashboard.get("budget").get("spent").asString()).isEqualTo("10.00");
        assertThat(storedVersion()).isEqualTo(dataVersion());
    }

    @Test
    void aDashboardStoredBeforeItsRenderedPartsExistedIsComputedAgainAndThenServedAsStored() {
        JsonNode first = dashboard("");
        // a row as V8 stored it: the same version and day, no rendered parts (V9_1)
        database.sql("UPDATE stored_dashboard SET body = NULL WHERE user_id = :userId")
                .bind("userId", user.user())
                .then()
                .block(Duration.ofSeconds(30));
        double misses = reads("miss");

        JsonNode again = dashboard("");

        assertThat(reads("miss")).isEqualTo(misses + 1);
        assertThat(again).isEqualTo(first);
        assertThat(count(
                        "SELECT count(*) AS n FROM stored_dashboard WHERE user_id = :userId AND body IS NOT NULL",
                        user.user()))
                .isOne();
        double hits = reads("hit");
        assertThat(dashboard("")).isEqualTo(first);
        assertThat(reads("hit")).isEqualTo(hits + 1);
    }

    @Test
    void ofTwoRacingMissesTheOneComputedFromOlderDataDoesNotReplaceTheNewerOne() {
        DashboardDay today = new DashboardDay(JUNE_1);
        DashboardTexts older = statement.compute(user.user(), today).block(Duration.ofSeconds(30));
        user.spend("7.00", "dining", "2026-06-01");
        DashboardTexts newer = statement.compute(user.user(), today).block(Duration.ofSeconds(30));

        stored.store(user.user(), today, newer).block(Duration.ofSeconds(30));
        stored.store(user.user(), today, older).block(Duration.ofSeconds(30));

        assertThat(newer.version()).isGreaterThan(older.version());
        assertThat(storedVersion()).isEqualTo(newer.version());
        double hits = reads("hit");
        assertThat(dashboard("").get("budget").get("spent").asString()).isEqualTo("10.00");
        assertThat(reads("hit")).isEqualTo(hits + 1);
    }

    @Test
    void nothingIsStoredForAUserWhoseAccountWasErased() {
        UUID erased = UUID.randomUUID();
        database.sql("INSERT INTO erased_user (user_id) VALUES (:userId)")
                .bind("userId", erased)
                .then()
                .block(Duration.ofSeconds(30));
        DashboardTexts texts =
                statement.compute(erased, new DashboardDay(JUNE_1)).block(Duration.ofSeconds(30));

        stored.store(erased, new DashboardDay(JUNE_1), texts).block(Duration.ofSeconds(30));

        assertThat(count("SELECT count(*) AS n FROM stored_dashboard WHERE user_id = :userId", erased))
                .isZero();
    }

    @Test
    void aMissStoringWhileTheUsersErasureRunsWaitsForItAndDoesNotBringTheDeletedDashboardBack() throws Exception {
        dashboard("");
        DashboardTexts computed =
                statement.compute(user.user(), new DashboardDay(JUNE_1)).block(Duration.ofSeconds(30));
        // the erasure's lock, its deletion and tombstone; COMMIT only once the miss's store is seen waiting for it
        HeldErasure erasure = HeldErasure.begin(
                transactions, database, user.user(), List.of("DELETE FROM stored_dashboard WHERE user_id = :userId"));

        CompletableFuture<Void> miss = stored.store(user.user(), new DashboardDay(JUNE_1), computed)
                .then()
                .toFuture();
        erasure.awaitSomeoneWaitingForItsLock();
        erasure.commit();
        miss.get(30, TimeUnit.SECONDS);

        assertThat(count("SELECT count(*) AS n FROM stored_dashboard WHERE user_id = :userId", user.user()))
                .isZero();
    }

    @Test
    void concurrentSpendingAndPlanChangesOfOneUserAllSucceedAndTheLastDashboardShowsAllOfIt() throws Exception {
        dashboard("");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                writes.add(() -> {
                    user.spend("1.00", "groceries", "2026-06-01");
                    dashboard("");
                    return 1;
                });
                writes.add(() -> {
                    // the plan's row is locked first here, after the transaction's row in a create
                    user.put("/api/budget/plans/2026-06", JUNE_PLAN, "*")
                            .expectStatus()
                            .isOk();
                    dashboard("");
                    return 0;
                });
            }
            int spent = 0;
            for (Future<Integer> write : pool.invokeAll(writes)) {
                spent += write.get();
            }
            assertThat(spent).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }

        JsonNode dashboard = dashboard("");

        assertThat(dashboard.get("budget").get("spent").asString()).isEqualTo("9.00");
        assertThat(dashboard.get("budget").get("planned").asString()).isEqualTo("450.00");
        assertThat(storedVersion()).isEqualTo(dataVersion());
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Reads the dashboard (stored by that read, or already), gives the stored row's rendered parts a marker goal,
     * and shows that the next read serves it; answers the stored version.
     */
    private long servedAsStoredWithTheMarker() {
        dashboard("");
        // a hit writes the stored rendered parts (V9_1): the marker goal goes into them
        database.sql("UPDATE stored_dashboard SET body = jsonb_set(body::jsonb, '{nextGoals}',"
                        + " jsonb_build_array(jsonb_build_object('id', :id, 'name', :name)))::text"
                        + " WHERE user_id = :userId")
                .bind("id", UUID.randomUUID().toString())
                .bind("name", MARKER)
                .bind("userId", user.user())
                .then()
                .block(Duration.ofSeconds(30));
        assertThat(markerShown(dashboard("")))
                .as("the stored dashboard is served")
                .isTrue();
        return storedVersion();
    }

    /** The read after a write: not the stored dashboard, and stored again at the newer version. */
    private JsonNode recomputedAfterAWrite(long storedBefore) {
        JsonNode dashboard = dashboard("");
        assertThat(markerShown(dashboard))
                .as("the dashboard stored before the write is served")
                .isFalse();
        assertThat(storedVersion()).isGreaterThan(storedBefore).isEqualTo(dataVersion());
        return dashboard;
    }

    private static boolean markerShown(JsonNode dashboard) {
        for (JsonNode goal : dashboard.get("nextGoals")) {
            if (MARKER.equals(goal.get("name").asString())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode dashboard(String query) {
        return json(user.get(DashboardController.PATH + query).expectStatus().isOk());
    }

    private long storedVersion() {
        return count("SELECT version AS n FROM stored_dashboard WHERE user_id = :userId", user.user());
    }

    private long dataVersion() {
        return count("SELECT version AS n FROM dashboard_data_version WHERE user_id = :userId", user.user());
    }

    private LocalDate storedDay() {
        return database.sql("SELECT today FROM stored_dashboard WHERE user_id = :userId")
                .bind("userId", user.user())
                .map(row -> row.get("today", LocalDate.class))
                .one()
                .block(Duration.ofSeconds(30));
    }

    private long count(String sql, UUID userId) {
        return database.sql(sql)
                .bind("userId", userId)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(30));
    }

    private double reads(String result) {
        return meters.get(StoredDashboards.READS)
                .tag("result", result)
                .counter()
                .count();
    }
}
