package io.mita.budget.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link MonthCells} over table {@code daily_allocation} (written whole: delete the month, one multi-row
 * insert) and table {@code transaction} (one grouped query on the user's listing index).
 */
@Component
class MonthCellRepository implements MonthCells {

    /** Rows per INSERT statement: 31 days × 30 categories fit in a handful of statements. */
    private static final int ROWS_PER_INSERT = 500;

    /** A user-month's daily allocations: one range of the primary key (user_id, month, category, day). */
    static final String ALLOCATIONS = """
            SELECT category, day, amount_minor FROM daily_allocation
            WHERE user_id = :userId AND month = :month""";

    /** A user-month's spending per category and day in the plan's currency: one range of a transaction index. */
    static final String SPENDING = """
            SELECT category, occurred_on, sum(amount) AS spent FROM transaction
            WHERE user_id = :userId AND deleted_at IS NULL AND occurred_on BETWEEN :first AND :last
              AND type = 'EXPENSE' AND currency = :currency
            GROUP BY category, occurred_on""";

    private final DatabaseClient database;

    MonthCellRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Map<String, long[]>> allocations(UUID userId, YearMonth month) {
        int days = month.lengthOfMonth();
        return database.sql(ALLOCATIONS)
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .map(row -> new Cell(
                        row.get("category", String.class),
                        row.get("day", LocalDate.class),
                        row.get("amount_minor", Long.class)))
                .all()
                .collect(
                        TreeMap<String, long[]>::new,
                        (cells, cell) -> cells.computeIfAbsent(cell.category(), key -> new long[days])[
                                        cell.day().getDayOfMonth() - 1] =
                                cell.amount())
                .<Map<String, long[]>>map(cells -> cells);
    }

    @Override
    public Mono<Void> replaceAllocations(UUID userId, YearMonth month, Map<String, long[]> allocations) {
        List<Cell> cells = new ArrayList<>();
        allocations.forEach((category, amounts) -> {
            for (int day = 1; day <= amounts.length; day++) {
                cells.add(new Cell(category, month.atDay(day), amounts[day - 1]));
            }
        });
        Mono<Void> delete = database.sql("DELETE FROM daily_allocation WHERE user_id = :userId AND month = :month")
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .fetch()
                .rowsUpdated()
                .then();
        Mono<Void> inserts = Mono.empty();
        for (int from = 0; from < cells.size(); from += ROWS_PER_INSERT) {
            List<Cell> chunk = cells.subList(from, Math.min(cells.size(), from + ROWS_PER_INSERT));
            inserts = inserts.then(insert(userId, month, chunk));
        }
        return delete.then(inserts);
    }

    private Mono<Void> insert(UUID userId, YearMonth month, List<Cell> chunk) {
        StringBuilder sql =
                new StringBuilder("INSERT INTO daily_allocation (user_id, month, category, day, amount_minor) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:userId, :month, :c")
                    .append(i)
                    .append(", :d")
                    .append(i)
                    .append(", :a")
                    .append(i)
                    .append(')');
        }
        DatabaseClient.GenericExecuteSpec spec =
                database.sql(sql.toString()).bind("userId", userId).bind("month", month.atDay(1));
        for (int i = 0; i < chunk.size(); i++) {
            Cell cell = chunk.get(i);
            spec = spec.bind("c" + i, cell.category()).bind("d" + i, cell.day()).bind("a" + i, cell.amount());
        }
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Map<String, long[]>> spending(UUID userId, YearMonth month, Currency currency) {
        int days = month.lengthOfMonth();
        return database.sql(SPENDING)
                .bind("userId", userId)
                .bind("first", month.atDay(1))
                .bind("last", month.atEndOfMonth())
                .bind("currency", currency.getCurrencyCode())
                .map(row -> new Cell(
                        row.get("category", String.class),
                        row.get("occurred_on", LocalDate.class),
                        PlanAmounts.toMinor(row.get("spent", BigDecimal.class), currency)))
                .all()
                .collect(
                        TreeMap<String, long[]>::new,
                        (cells, cell) -> cells.computeIfAbsent(cell.category(), key -> new long[days])[
                                        cell.day().getDayOfMonth() - 1] =
                                cell.amount())
                .<Map<String, long[]>>map(cells -> cells);
    }

    private record Cell(String category, LocalDate day, long amount) {}
}
