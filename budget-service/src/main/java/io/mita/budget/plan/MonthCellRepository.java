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
 * {@link MonthCells} over table {@code daily_allocation} (written whole: delete the month, one insert of three
 * array parameters) and table {@code transaction} (one grouped query on the user's listing index). A month is
 * read as one row per category (the days aggregated into arrays): a row per day made each dashboard and each
 * redistribution decode ~300 rows (31 days × 10 categories) and bind ~900 parameters, which a JFR profile showed
 * as most of budget-service's CPU per request (bench/RESULTS.md, "Dashboard"). A redistribution's {@link #reading}
 * also reads the month's claimed thresholds ({@code threshold_reached}) and the category kinds, in the same statement.
 */
@Component
class MonthCellRepository implements MonthCells {

    /** A user-month's daily allocations, a row per category: one range of the primary key (user_id, month, ...). */
    static final String ALLOCATIONS = """
            SELECT category, array_agg(extract(day FROM day)::int ORDER BY day) AS days,
                   array_agg(amount_minor ORDER BY day) AS amounts
            FROM daily_allocation
            WHERE user_id = :userId AND month = :month
            GROUP BY category""";

    /** The whole month in one statement whatever its size: three arrays of the same length, unnested. */
    static final String INSERT_ALLOCATIONS = """
            INSERT INTO daily_allocation (user_id, month, category, day, amount_minor)
            SELECT :userId, :month, cell.category, :month + cell.day_of_month - 1, cell.amount
            FROM unnest(:categories::text[], :days::int[], :amounts::bigint[]) AS cell (category, day_of_month, amount)""";

    /** Only the cells a redistribution changed: three arrays of the same length, one statement. */
    static final String UPDATE_ALLOCATIONS = """
            UPDATE daily_allocation d SET amount_minor = cell.amount
            FROM unnest(:categories::text[], :days::int[], :amounts::bigint[]) AS cell (category, day_of_month, amount)
            WHERE d.user_id = :userId AND d.month = :month AND d.category = cell.category
              AND d.day = :month + cell.day_of_month - 1""";

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
            SELECT 'allocation' AS part, category AS name, array_agg(extract(day FROM day)::int ORDER BY day) AS days,
                   array_agg(amount_minor ORDER BY day) AS minor, NULL::numeric[] AS spent, NULL::text AS kind
            FROM daily_allocation
            WHERE user_id = :userId AND month = :month
            GROUP BY category
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
        int length = month.lengthOfMonth();
        return database.sql(ALLOCATIONS)
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .map(row -> Map.entry(
                        row.get("category", String.class),
                        byDay(row.get("days", Integer[].class), row.get("amounts", Long[].class), length)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    @Override
    public Mono<Void> replaceAllocations(UUID userId, YearMonth month, Map<String, long[]> allocations) {
        int cells = allocations.values().stream()
                .mapToInt(amounts -> amounts.length)
                .sum();
        String[] categories = new String[cells];
        Integer[] days = new Integer[cells];
        Long[] amounts = new Long[cells];
        int i = 0;
        for (Map.Entry<String, long[]> category : allocations.entrySet()) {
            for (int day = 1; day <= category.getValue().length; day++, i++) {
                categories[i] = category.getKey();
                days[i] = day;
                amounts[i] = category.getValue()[day - 1];
            }
        }
        Mono<Void> delete = database.sql("DELETE FROM daily_allocation WHERE user_id = :userId AND month = :month")
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .fetch()
                .rowsUpdated()
                .then();
        if (cells == 0) {
            return delete;
        }
        Mono<Void> insert = database.sql(INSERT_ALLOCATIONS)
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .bind("categories", categories)
                .bind("days", days)
                .bind("amounts", amounts)
                .fetch()
                .rowsUpdated()
                .then();
        return delete.then(insert);
    }

    /**
     * A redistribution after a spending change moves a few days of a few categories: rewriting the whole month
     * (~300 rows deleted and inserted, with their index entries) made most of a create's database work. Falls back
     * to {@link #replaceAllocations} when the categories differ or a row is missing.
     */
    @Override
    public Mono<Void> changeAllocations(
            UUID userId, YearMonth month, Map<String, long[]> before, Map<String, long[]> after) {
        Optional<ChangedCells> changed = ChangedCells.between(before, after);
        if (changed.isEmpty()) {
            return replaceAllocations(userId, month, after);
        }
        ChangedCells cells = changed.get();
        if (cells.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(UPDATE_ALLOCATIONS)
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .bind("categories", cells.categories())
                .bind("days", cells.days())
                .bind("amounts", cells.amounts())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == cells.size() ? Mono.empty() : replaceAllocations(userId, month, after));
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
                            case "allocation" ->
                                allocations.put(name, byDay(days, row.get("minor", Long[].class), length));
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

    private static long[] byDay(Integer[] days, Long[] amounts, int length) {
        long[] month = new long[length];
        for (int i = 0; i < days.length; i++) {
            month[days[i] - 1] = amounts[i];
        }
        return month;
    }

    private record Cell(String category, LocalDate day, long amount) {}
}
