package io.mita.budget.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.goal.GoalStatements;
import io.mita.budget.habit.HabitStatements;
import io.mita.budget.plan.PlanStatements;
import io.mita.budget.transaction.TransactionStatements;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's hot statements on a table of 100,000 transactions of 1,000 users (100 each over 100 days, a
 * few soft-deleted), with goals, habits, marks and daily allocations beside them, after {@code ANALYZE}: each
 * statement, exactly as the service sends it, is planned on its index with the planner's own costs (nothing is
 * switched off) and never scans {@code transaction} whole (docs/budget.md, "Dashboard").
 */
@MitaIntegrationTest
@Import(FirstOfJune.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIndexIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One statement: 100,000 transactions, user g % 1000, category and date from g / 1000. */
    static final String TRANSACTIONS = """
            INSERT INTO transaction (id, user_id, type, amount, currency, category, occurred_on, merchant,
                                     created_at, updated_at, deleted_at, version)
            SELECT md5('dashboard-transaction-' || g)::uuid,
                   md5('dashboard-user-' || (g % 1000))::uuid,
                   CASE WHEN g % 20 = 0 THEN 'INCOME' ELSE 'EXPENSE' END,
                   (g % 5000 + 100) / 100.0,
                   'EUR',
                   (ARRAY['groceries', 'dining', 'transport', 'housing', 'utilities', 'health', 'entertainment',
                          'shopping', 'education', 'other'])[(g / 1000) % 10 + 1],
                   DATE '2026-06-01' - (g / 1000) % 100,
                   'Merchant ' || g % 97,
                   now(), now(),
                   CASE WHEN g % 97 = 0 THEN now() END,
                   0
            FROM generate_series(1, 100000) AS g""";

    @Autowired
    DatabaseClient database;

    private UUID user;

    @BeforeAll
    void loadOneHundredThousandTransactions() {
        run(TRANSACTIONS);
        run("""
                INSERT INTO goal (id, user_id, name, target_amount, currency, target_date, status, saved_amount,
                                  created_at, updated_at, version)
                SELECT md5('dashboard-goal-' || g)::uuid, md5('dashboard-user-' || (g % 1000))::uuid, 'Goal ' || g,
                       1000, 'EUR', DATE '2026-07-01' + g % 400, CASE WHEN g % 5 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END,
                       0, now(), now(), 0
                FROM generate_series(1, 5000) AS g""");
        run("""
                INSERT INTO habit (id, user_id, name, category, max_count, period, weekdays_only, starts_on,
                                   created_at, updated_at, version)
                SELECT md5('dashboard-habit-' || g)::uuid, md5('dashboard-user-' || (g % 1000))::uuid, 'Habit ' || g,
                       CASE WHEN g % 2 = 0 THEN 'dining' END, CASE WHEN g % 2 = 0 THEN 3 END, 'WEEK', false,
                       DATE '2026-03-01', now(), now(), 0
                FROM generate_series(1, 3000) AS g""");
        run("""
                INSERT INTO habit_completion (habit_id, day, completed_at)
                SELECT h.id, d::date, now() FROM habit h
                CROSS JOIN generate_series(DATE '2026-05-01', DATE '2026-05-31', INTERVAL '1 day') AS d
                WHERE h.category IS NULL""");
        run("""
                INSERT INTO daily_allocation (user_id, month, category, day, amount_minor)
                SELECT md5('dashboard-user-' || u)::uuid, DATE '2026-06-01', c, d::date, 1000
                FROM generate_series(0, 999) AS u
                CROSS JOIN unnest(ARRAY['groceries', 'dining']) AS c
                CROSS JOIN generate_series(DATE '2026-06-01', DATE '2026-06-30', INTERVAL '1 day') AS d""");
        run("ANALYZE");
        user = database.sql("SELECT md5('dashboard-user-7')::uuid AS id")
                .map(row -> row.get("id", UUID.class))
                .one()
                .block(Duration.ofSeconds(30));
    }

    @Test
    void theTableHoldsOneHundredThousandTransactionsOfOneThousandUsers() {
        Map<String, Object> counts = database.sql(
                        "SELECT count(*) AS rows, count(DISTINCT user_id) AS users FROM transaction"
                                + " WHERE id IN (SELECT md5('dashboard-transaction-' || g)::uuid"
                                + " FROM generate_series(1, 100000) AS g)")
                .fetch()
                .one()
                .block(Duration.ofSeconds(60));

        assertThat(((Number) counts.get("rows")).longValue()).isEqualTo(100_000);
        assertThat(((Number) counts.get("users")).longValue()).isEqualTo(1_000);
    }

    @Test
    void theLatestTransactionsAreTheFirstRowsOfTheListingIndex() {
        JsonNode plan = explain(
                TransactionStatements.LATEST,
                spec -> spec.bind("userId", user).bind("limit", DashboardService.LATEST_TRANSACTIONS));

        assertThat(indexes(plan)).contains("transaction_user_listing");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theMonthsSpendingIsARangeOfAnIndexOfTheUsersTransactions() {
        JsonNode plan = explain(
                PlanStatements.MONTH_SPENDING,
                spec -> spec.bind("userId", user)
                        .bind("first", LocalDate.of(2026, 5, 1))
                        .bind("last", LocalDate.of(2026, 5, 31))
                        .bind("currency", "EUR"));

        assertThat(indexes(plan)).containsAnyOf("transaction_user_listing", "transaction_user_category_day");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theCheckedHabitsExpensesAreRangesOfTheCoveringIndex() {
        JsonNode plan = explain(
                HabitStatements.DAILY_BY_CATEGORY,
                spec -> spec.bind("userId", user)
                        .bind("categories", new String[] {"dining", "groceries"})
                        .bind("from", LocalDate.of(2026, 3, 1))
                        .bind("to", LocalDate.of(2026, 6, 1)));

        assertThat(indexes(plan)).containsAnyOf("transaction_user_category_day", "transaction_user_listing");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theNextGoalsAreTheFirstRowsOfTheirPartialIndex() {
        JsonNode plan = explain(
                GoalStatements.NEXT, spec -> spec.bind("userId", user).bind("limit", DashboardService.NEXT_GOALS));

        assertThat(indexes(plan)).contains("goal_user_next");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theMarkedDaysAndTheDailyAllocationsAreIndexRangesToo() {
        JsonNode marks = explain(HabitStatements.DAYS_OF_USER, spec -> spec.bind("userId", user));
        JsonNode allocations = explain(
                PlanStatements.MONTH_ALLOCATIONS,
                spec -> spec.bind("userId", user).bind("month", LocalDate.of(2026, 6, 1)));

        assertThat(indexes(marks)).contains("habit_user", "habit_completion_pkey");
        assertThat(seqScans(marks)).isEmpty();
        assertThat(indexes(allocations)).contains("daily_allocation_pkey");
        assertThat(seqScans(allocations)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private void run(String sql) {
        database.sql(sql).fetch().rowsUpdated().block(Duration.ofSeconds(300));
    }

    /** The plan PostgreSQL chooses for the statement with these values (EXPLAIN (FORMAT JSON), not run). */
    private JsonNode explain(String sql, UnaryOperator<DatabaseClient.GenericExecuteSpec> binds) {
        String text = binds.apply(database.sql("EXPLAIN (FORMAT JSON) " + sql))
                .map(row -> row.get(0, String.class))
                .one()
                .block(Duration.ofSeconds(30));
        return JSON.readTree(text).get(0).get("Plan");
    }

    private static List<String> indexes(JsonNode plan) {
        List<String> names = new ArrayList<>();
        nodes(plan).forEach(node -> {
            if (node.has("Index Name")) {
                names.add(node.get("Index Name").asString());
            }
        });
        return names;
    }

    /** The sequential scans in the plan, by table. */
    private static List<String> seqScans(JsonNode plan) {
        List<String> tables = new ArrayList<>();
        nodes(plan).forEach(node -> {
            if ("Seq Scan".equals(node.get("Node Type").asString())) {
                tables.add(node.get("Relation Name").asString());
            }
        });
        return tables;
    }

    private static List<JsonNode> nodes(JsonNode plan) {
        List<JsonNode> all = new ArrayList<>();
        all.add(plan);
        if (plan.has("Plans")) {
            plan.get("Plans").forEach(child -> all.addAll(nodes(child)));
        }
        return all;
    }
}
