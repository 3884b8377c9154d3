package io.mita.budget.dashboard;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The whole dashboard in one round trip: one statement of four scalar subqueries (the features' {@link
 * DashboardPart}s), answering one row of four JSON columns. Six to eight statements on four pool connections cost
 * budget-service 4.6 ms of CPU per dashboard (bench/RESULTS.md, "Budget: dashboard"); the domain arithmetic stays
 * in Java (docs/budget.md, "Dashboard", "One statement").
 */
@Component
class DashboardStatement implements DashboardSources {

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
        String statement = "SELECT " + month.subquery() + "::text AS month, "
                + transactions.subquery() + "::text AS latest_transactions, "
                + goals.subquery() + "::text AS next_goals, "
                + habits.subquery() + "::text AS habits";
        return statement.replaceAll("\\s+", " ");
    }

    String sql() {
        return sql;
    }

    @Override
    public Mono<DashboardParts> read(UUID userId, DashboardDay day) {
        return database.sql(sql)
                .bind("userId", userId)
                .bind("today", day.today())
                .bind("first", day.month().atDay(1))
                .bind("last", day.month().atEndOfMonth())
                .bind("transactionLimit", DashboardService.LATEST_TRANSACTIONS)
                .bind("goalLimit", DashboardService.NEXT_GOALS)
                .map(row -> parts(row, day))
                .one();
    }

    private DashboardParts parts(Readable row, DashboardDay day) {
        return new DashboardParts(
                month.read(row.get("month", String.class), day),
                transactions.read(row.get("latest_transactions", String.class), day),
                goals.read(row.get("next_goals", String.class), day),
                habits.read(row.get("habits", String.class), day));
    }
}
