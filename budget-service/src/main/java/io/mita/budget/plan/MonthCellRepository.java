package io.mita.budget.plan;

import io.mita.budget.category.CategoryKind;
import io.mita.budget.category.CategoryKinds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link MonthCells} over table {@code month_allocation} (one row per user, month and category, the month's days in
 * an array; written whole: delete the month, one insert of two array parameters) and table {@code transaction} (one
 * grouped query on the user's listing index). A row per day (table {@code daily_allocation} until V9_3) made every
 * month read aggregate ~310 rows and every redistribution update ~30 of them; a row per category is 10 rows read and
 * the moved categories' rows updated (docs/decisions.md, "A create → dashboard cycle, sixth pass"). A
 * redistribution's {@link #reading} also reads the month's claimed thresholds ({@code threshold_reached}) and the
 * category kinds, in the same statement.
 */
@Component
class MonthCellRepository implements MonthCells {

    /**
     * Category {@code cell.i} of parameter {@code :categories}'s amounts in parameter {@code :amounts} (the
     * categories' months one after the other, {@code :days} days each), for a {@code FROM unnest(:categories::text[])
     * WITH ORDINALITY AS cell (category, i)}.
     */
    private static final String CATEGORY_AMOUNTS = "(:amounts::bigint[])[(cell.i - 1) * :days + 1 : cell.i * :days]";

    /** A user-month's daily allocations, a row per category: one range of the primary key (user_id, month, ...). */
    static final String ALLOCATIONS = """
            SELECT category, amounts FROM month_allocation WHERE user_id = :userId AND month = :month""";

    /** The whole month in one statement whatever its size: the categories and their months, unnested. */
    static final String INSERT_ALLOCATIONS = """
            INSERT INTO month_allocation (user_id, month, category, amounts)
            SELECT :userId, :month, cell.category, %s
            FROM unnest(:categories::text[]) WITH ORDINALITY AS cell (category, i)""".formatted(CATEGORY_AMOUNTS);

    /** Only the categories a redistribution changed, each month whole: one statement. */
    static final String UPDATE_ALLOCATIONS = """
            UPDATE month_allocation a SET amounts = %s
            FROM unnest(:categories::text[]) WITH ORDINALITY AS cell (category, i)
            WHERE a.user_id = :userId AND a.month = :month AND a.category = cell.category""".formatted(CATEGORY_AMOUNTS);

    /** A user-month's spending per category and day in the plan's currency: one range of a transaction index. */
    static final String SPENDING = """
            SELECT category, occurred_on, sum(amount) AS spent FROM transaction
            WHERE user_id = :userId AND deleted_at IS NULL AND occurred_on BETWEEN :first AND :last
              AND type = 'EXPENSE' AND currency = :currency
            GROUP BY category, occurred_on""";

    /**
     * {@link #reading}: a row per category of each part, told apart by {@code part}. The allocations as
     * {@link #ALLOCATIONS}; the spending as {@link #SPENDING}, its days aggregated per category; the thresholds
     * claimed before (their percents in {@code days}); the kinds by {@link CategoryKinds#KINDS_STATEMENT}.
     */
    static final String READING = """
            SELECT 'allocation' AS part, category AS name, NULL::int[] AS days, amounts AS minor,
                   NULL::numeric[] AS spent, NULL::text AS kind
            FROM month_allocation
            WHERE user_id = :userId AND month = :month
            UNION ALL
            SELECT 'spending', category, array_agg(extract(day FROM occurred_on)::int ORDER BY occurred_on), NULL,
                   array_agg(spent ORDER BY occurred_on), NULL
            FROM (SELECT category, occurred_on, sum(amount) AS spent FROM transaction
                  WHERE user_id = :userId AND deleted_at IS NULL AND occurred_on BETWEEN :month AND :last
                    AND type = 'EXPENSE' AND currency = :currency
                  GROUP BY category, occurred_on) AS cell
            GROUP BY category
            UNION ALL
            SELECT 'threshold', category, array_agg(percent::int), NULL, NULL, NULL
            FROM threshold_reached
            WHERE user_id = :userId AND month = :month
            GROUP BY category
            UNION ALL
            SELECT 'kind', kinds.key, NULL, NULL, NULL, kinds.kind FROM (%s) AS kinds""".formatted(CategoryKinds.KINDS_STATEMENT);

    private final DatabaseClient database;

    MonthCellRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Map<String, long[]>> allocations(UUID userId, YearMonth month) {
        return database.sql(ALLOCATIONS)
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .map(row -> Map.entry(row.get("category", String.class), unboxed(row.get("amounts", Long[].class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    @Override
    public Mono<Void> replaceAllocations(UUID userId, YearMonth month, Map<String, long[]> allocations) {
        CategoryMonths months = CategoryMonths.of(allocations, month.lengthOfMonth());
        Mono<Void> delete = database.sql("DELETE FROM month_allocation WHERE user_id = :userId AND month = :month")
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .fetch()
                .rowsUpdated()
                .then();
        if (months.isEmpty()) {
            return delete;
        }
        Mono<Void> insert = bind(database.sql(INSERT_ALLOCATIONS), userId, month, months)
                .fetch()
                .rowsUpdated()
                .then();
        return delete.then(insert);
    }

    /**
     * A redistribution after a spending change moves a few days of a few categories: rewriting the whole month
     * (its rows deleted and inserted, with their index entries) made most of a create's database work. Updates the
     * changed categories' rows; falls back to {@link #replaceAllocations} when the categories differ or a row is
     * missing.
     */
    @Override
    public Mono<Void> changeAllocations(
            UUID userId, YearMonth month, Map<String, long[]> before, Map<String, long[]> after) {
        Optional<CategoryMonths> changed = CategoryMonths.between(before, after, month.lengthOfMonth());
        if (changed.isEmpty()) {
            return replaceAllocations(userId, month, after);
        }
        CategoryMonths months = changed.get();
        if (months.isEmpty()) {
            return Mono.empty();
        }
        return bind(database.sql(UPDATE_ALLOCATIONS), userId, month, months)
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == months.size() ? Mono.empty() : replaceAllocations(userId, month, after));
    }

    /** The parameters of {@link #INSERT_ALLOCATIONS} and {@link #UPDATE_ALLOCATIONS}. */
    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement, UUID userId, YearMonth month, CategoryMonths months) {
        return statement
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .bind("categories", months.categories())
                .bind("amounts", months.amounts())
                .bind("days", months.days());
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

    /**
     * The month's allocations, spending, claimed thresholds and category kinds in one statement ({@link #READING}):
     * redistribution runs after every spending change, and three statements (with the kinds read through the
     * category use case) were three round trips inside the transaction each later change of the month waits for.
     */
    @Override
    public Mono<MonthReading> reading(UUID userId, YearMonth month, Currency currency) {
        int length = month.lengthOfMonth();
        return Mono.defer(() -> {
            Map<String, long[]> allocations = new TreeMap<>();
            Map<String, long[]> spending = new TreeMap<>();
            Map<String, CategoryKind> kinds = new HashMap<>();
            Set<RedistributionRuns.Threshold> claimed = new HashSet<>();
            return database.sql(READING)
                    .bind("userId", userId)
                    .bind("month", month.atDay(1))
                    .bind("last", month.atEndOfMonth())
                    .bind("currency", currency.getCurrencyCode())
                    .map(row -> {
                        String name = row.get("name", String.class);
                        Integer[] days = row.get("days", Integer[].class);
                        switch (row.get("part", String.class)) {
                            case "allocation" -> allocations.put(name, unboxed(row.get("minor", Long[].class)));
                            case "spending" ->
                                spending.put(
                                        name,
                                        byDay(days, minor(row.get("spent", BigDecimal[].class), currency), length));
                            case "threshold" -> {
                                for (Integer percent : days) {
                                    claimed.add(new RedistributionRuns.Threshold(name, percent));
                                }
                            }
                            default -> kinds.put(name, CategoryKind.valueOf(row.get("kind", String.class)));
                        }
                        return name;
                    })
                    .all()
                    .then(Mono.fromSupplier(() -> new MonthReading(allocations, spending, kinds, claimed)));
        });
    }

    private static Long[] minor(BigDecimal[] amounts, Currency currency) {
        Long[] minor = new Long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            minor[i] = PlanAmounts.toMinor(amounts[i], currency);
        }
        return minor;
    }

    private static long[] unboxed(Long[] amounts) {
        long[] month = new long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            month[i] = amounts[i];
        }
        return month;
    }

    private static long[] byDay(Integer[] days, Long[] amounts, int length) {
        long[] month = new long[length];
        for (int i = 0; i < days.length; i++) {
            month[days[i] - 1] = amounts[i];
        }
        return month;
    }

    private record Cell(String category, LocalDate day, long amount) {}
}
