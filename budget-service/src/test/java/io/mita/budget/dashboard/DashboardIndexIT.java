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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's one statement on a table of 100,000 transactions of 1,000 users (100 each over 100 days, a few
 * soft-deleted), with plans, goals, habits, marks and daily allocations beside them, after {@code ANALYZE}: the
 * statement exactly as the service sends it, and each feature's part of it alone, is planned on its indexes with
 * the planner's own costs (nothing is switched off) and never scans a table whole (docs/budget.md, "Dashboard").
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

    @Autowired
    DashboardStatement statement;

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
                INSERT INTO month_allocation (user_id, month, category, amounts)
                SELECT md5('dashboard-user-' || u)::uuid, DATE '2026-06-01', c, array_fill(1000::bigint, ARRAY[30])
                FROM generate_series(0, 999) AS u
                CROSS JOIN unnest(ARRAY['groceries', 'dining']) AS c""");
        run("""
                INSERT INTO budget_plan (id, user_id, month, currency, income_minor, savings_target_minor, commitments,
                                         allocations, allow_over_allocation, release_commitments, release_savings,
                                         created_at, updated_at, version)
                SELECT md5('dashboard-plan-' || u || '-' || m)::uuid, md5('dashboard-user-' || u)::uuid,
                       DATE '2026-06-01' - make_interval(months => m), 'EUR', 300000, 0, '[]',
                       '[{"category": "groceries", "amount": 30000}, {"category": "dining", "amount": 30000}]',
                       false, false, false, now(), now(), 0
                FROM generate_series(0, 999) AS u CROSS JOIN generate_series(0, 5) AS m""");
        // every one of these users' dashboards stored for 1 June at their current data version (bumped by the
        // triggers of the inserts above)
        run("""
                INSERT INTO stored_dashboard (user_id, version, today, month, latest_transactions, next_goals, habits)
                SELECT user_id, version, DATE '2026-06-01', NULL, '[]', '[]', NULL FROM dashboard_data_version
                WHERE user_id IN (SELECT md5('dashboard-user-' || u)::uuid FROM generate_series(0, 999) AS u)""");
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
    void theWholeDashboardIsOneStatementThatScansNoTableWhole() {
        JsonNode plan = explain(statement.sql());

        assertThat(seqScans(plan)).isEmpty();
        assertThat(indexes(plan))
                .contains(
                        "budget_plan_user_month",
                        "month_allocation_pkey",
                        "transaction_user_listing",
                        "goal_user_next",
                        "habit_user",
                        "habit_completion_pkey");
    }

    @Test
    void aStoredDashboardIsFoundByTheTwoPrimaryKeys() {
        JsonNode plan = explain(StoredDashboardRepository.FIND);

        assertThat(seqScans(plan)).isEmpty();
        assertThat(indexes(plan)).containsExactlyInAnyOrder("stored_dashboard_pkey", "dashboard_data_version_pkey");
    }

    @Test
    void theLatestTransactionsAreTheFirstRowsOfTheListingIndex() {
        JsonNode plan = explain("SELECT " + TransactionStatements.LATEST);

        assertThat(indexes(plan)).containsExactly("transaction_user_listing");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theMonthIsThePlanByItsKeyItsAllocationsByPrimaryKeyAndARangeOfTheUsersTransactions() {
        JsonNode plan = explain("SELECT " + PlanStatements.MONTH_TO_DATE);

        assertThat(indexes(plan)).contains("budget_plan_user_month", "month_allocation_pkey");
        assertThat(indexes(plan)).containsAnyOf("transaction_user_listing", "transaction_user_category_day");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theHabitsTheirMarksAndTheCheckedHabitsExpensesAreIndexRanges() {
        JsonNode plan = explain("SELECT " + HabitStatements.HABITS);

        assertThat(indexes(plan)).contains("habit_user", "habit_completion_pkey");
        assertThat(indexes(plan)).containsAnyOf("transaction_user_category_day", "transaction_user_listing");
        assertThat(seqScans(plan)).isEmpty();
    }

    @Test
    void theNextGoalsAreTheFirstRowsOfTheirPartialIndex() {
        JsonNode plan = explain("SELECT " + GoalStatements.NEXT);

        assertThat(indexes(plan)).containsExactly("goal_user_next");
        assertThat(seqScans(plan)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private void run(String sql) {
        database.sql(sql).fetch().rowsUpdated().block(Duration.ofSeconds(300));
    }

    /**
     * The plan PostgreSQL chooses for the statement (EXPLAIN (FORMAT JSON), not run) with the dashboard's values
     * for user 7 on 1 June 2026, each bound when the statement uses it.
     */
    private JsonNode explain(String sql) {
        Map<String, Object> values = Map.of(
                "userId",
                user,
                "today",
                LocalDate.of(2026, 6, 1),
                "first",
                LocalDate.of(2026, 6, 1),
                "last",
                LocalDate.of(2026, 6, 30),
                "transactionLimit",
                DashboardService.LATEST_TRANSACTIONS,
                "goalLimit",
                DashboardService.NEXT_GOALS);
        DatabaseClient.GenericExecuteSpec spec = database.sql("EXPLAIN (FORMAT JSON) " + sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (sql.contains(":" + value.getKey())) {
                spec = spec.bind(value.getKey(), value.getValue());
            }
        }
        String text = spec.map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(30));
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
