package io.mita.insights.insight;

import io.mita.insights.analysis.Expense;
import io.mita.insights.analysis.MonthFigures;
import io.mita.insights.analysis.PlanFigures;
import io.mita.insights.projection.ProjectionStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the figures of one user-month from the projections. One currency per analysis: the plan's, or without a
 * plan the currency with the most spending in the month (transactions in other currencies are left out).
 */
@Component
class MonthFiguresReader {

    private final DatabaseClient database;
    private final ProjectionStore projections;

    MonthFiguresReader(DatabaseClient database, ProjectionStore projections) {
        this.database = database;
        this.projections = projections;
    }

    /** Empty when the user has neither transactions nor a plan in the month. */
    Mono<MonthFigures> read(UUID user, YearMonth month, LocalDate asOf) {
        return plan(user, month)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(plan -> plan.map(p -> Mono.just(p.currency()))
                        .orElseGet(() -> dominantCurrency(user, month))
                        .flatMap(currency -> Mono.zip(
                                        totals(user, month, "EXPENSE", currency),
                                        totals(user, month.minusMonths(1), "EXPENSE", currency),
                                        totals(user, month, "INCOME", currency),
                                        daily(user, month, currency),
                                        history(user, asOf, currency))
                                .map(t -> new MonthFigures(
                                        month,
                                        asOf,
                                        currency,
                                        t.getT1(),
                                        t.getT2(),
                                        t.getT3().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                                        t.getT4(),
                                        t.getT5(),
                                        plan.map(CurrencyPlan::figures).orElse(null)))));
    }

    record CurrencyPlan(String currency, PlanFigures figures) {}

    private Mono<CurrencyPlan> plan(UUID user, YearMonth month) {
        return database.sql("""
                        SELECT currency, income, savings_target, allocations::text AS allocations FROM projected_plan
                        WHERE user_id = :user AND month = :month""")
                .bind("user", user)
                .bind("month", month.toString())
                .map(row -> new CurrencyPlan(
                        row.get("currency", String.class),
                        new PlanFigures(
                                row.get("income", BigDecimal.class),
                                row.get("savings_target", BigDecimal.class),
                                projections.allocations(row.get("allocations", String.class)))))
                .one();
    }

    private Mono<String> dominantCurrency(UUID user, YearMonth month) {
        return database.sql("""
                        SELECT currency FROM category_month_total WHERE user_id = :user AND month = :month
                        GROUP BY currency ORDER BY sum(CASE WHEN type = 'EXPENSE' THEN total ELSE 0 END) DESC, currency
                        LIMIT 1""")
                .bind("user", user)
                .bind("month", month.toString())
                .map(row -> row.get("currency", String.class))
                .one();
    }

    private Mono<Map<String, BigDecimal>> totals(UUID user, YearMonth month, String type, String currency) {
        return database.sql("""
                        SELECT category, total FROM category_month_total
                        WHERE user_id = :user AND month = :month AND type = :type AND currency = :currency""")
                .bind("user", user)
                .bind("month", month.toString())
                .bind("type", type)
                .bind("currency", currency)
                .map(row -> Map.entry(row.get("category", String.class), row.get("total", BigDecimal.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, BigDecimal::add, TreeMap::new));
    }

    private Mono<Map<LocalDate, BigDecimal>> daily(UUID user, YearMonth month, String currency) {
        return database.sql("""
                        SELECT day, total FROM daily_total
                        WHERE user_id = :user AND type = 'EXPENSE' AND currency = :currency AND day >= :from AND day <= :to""")
                .bind("user", user)
                .bind("currency", currency)
                .bind("from", month.atDay(1).minusDays(13))
                .bind("to", month.atEndOfMonth())
                .map(row -> Map.entry(row.get("day", LocalDate.class), row.get("total", BigDecimal.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, BigDecimal::add, TreeMap::new));
    }

    private Mono<List<Expense>> history(UUID user, LocalDate asOf, String currency) {
        return database.sql("""
                        SELECT transaction_id, category, merchant, occurred_on, amount FROM projected_transaction
                        WHERE user_id = :user AND type = 'EXPENSE' AND NOT deleted AND currency = :currency
                          AND occurred_on >= :from AND occurred_on <= :to""")
                .bind("user", user)
                .bind("currency", currency)
                .bind("from", asOf.minusDays(365))
                .bind("to", asOf)
                .map(row -> new Expense(
                        row.get("transaction_id", UUID.class),
                        row.get("category", String.class),
                        row.get("merchant", String.class),
                        row.get("occurred_on", LocalDate.class),
                        row.get("amount", BigDecimal.class)))
                .all()
                .collectList();
    }
}
