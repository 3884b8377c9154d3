package io.mita.budget.dashboard;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The whole dashboard in one round trip: one statement of four scalar subqueries (the features' {@link
 * DashboardPart}s) and the user's data version, answering one row of four JSON columns and the version, all read
 * in the statement's one snapshot (so the version is that of the data the parts were computed from; V8). Six to
 * eight statements on four pool connections cost budget-service 4.6 ms of CPU per dashboard (bench/RESULTS.md,
 * "Budget: dashboard"); the domain arithmetic stays in Java (docs/budget.md, "Dashboard", "One statement"). Run on
 * a miss of {@link StoredDashboards}.
 */
@Component
class DashboardStatement {

    private final MonthToDate month;
    private final LatestTransactions transactions;
    private final NextGoals goals;
    private final HabitStreaks habits;
    private final DatabaseClient database;
    private final String sql;

    DashboardStatement(
            MonthToDate month,
            LatestTransactions transactions,
            NextGoals goals,
            HabitStreaks habits,
            DatabaseClient database) {
        this.month = month;
        this.transactions = transactions;
        this.goals = goals;
        this.habits = habits;
        this.database = database;
        this.sql = sql(month, transactions, goals, habits);
    }

    /**
     * The statement: each part's subquery as one text column, its runs of white space collapsed (the driver
     * tokenizes the whole text on every execution, a top frame of the dashboard's profile; no part has a string
     * literal or comment that white space matters in).
     */
    static String sql(MonthToDate month, LatestTransactions transactions, NextGoals goals, HabitStreaks habits) {
        String statement = "SELECT " + DashboardTexts.VERSION + " AS version, "
                + month.subquery() + "::text AS month, "
                + transactions.subquery() + "::text AS latest_transactions, "
                + goals.subquery() + "::text AS next_goals, "
                + habits.subquery() + "::text AS habits";
        return statement.replaceAll("\\s+", " ");
    }

    String sql() {
        return sql;
    }

    /** The four parts' JSON texts and the version of the data they were computed from. */
    Mono<DashboardTexts> compute(UUID userId, DashboardDay day) {
        return database.sql(sql)
                .bind("userId", userId)
                .bind("today", day.today())
                .bind("first", day.month().atDay(1))
                .bind("last", day.month().atEndOfMonth())
                .bind("transactionLimit", DashboardService.LATEST_TRANSACTIONS)
                .bind("goalLimit", DashboardService.NEXT_GOALS)
                .map(DashboardTexts::of)
                .one();
    }

    /** The parts from their JSON texts (computed now or stored), as of {@code day}. */
    DashboardParts parts(DashboardTexts texts, DashboardDay day) {
        return new DashboardParts(
                month.read(texts.month(), day),
                transactions.read(texts.latestTransactions(), day),
                goals.read(texts.nextGoals(), day),
                habits.read(texts.habits(), day));
    }
}
