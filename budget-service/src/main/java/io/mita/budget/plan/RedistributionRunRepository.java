package io.mita.budget.plan;

import io.mita.budget.redistribution.Move;
import io.mita.budget.redistribution.MoveReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link RedistributionRuns} in tables {@code redistribution_run}, {@code redistribution_move}, {@code threshold_reached}. */
@Component
class RedistributionRunRepository implements RedistributionRuns {

    /** The run's row, for a data-modifying {@code WITH}. */
    private static final String RUN_ROW = """
            INSERT INTO redistribution_run (id, user_id, month, trigger, ran_on, balanced, shortfall_minor, created_at)
            VALUES (:id, :userId, :month, :trigger, :ranOn, :balanced, :shortfall, :createdAt)""";

    /** The run's moves unnested from seven arrays of the same length (days as days of the run's month). */
    private static final String MOVES = """
            INSERT INTO redistribution_move
                (run_id, position, from_category, from_day, to_category, to_day, amount_minor, reason)
            SELECT :id, move.position, move.from_category, :month + move.from_day - 1, move.to_category,
                   :month + move.to_day - 1, move.amount, move.reason
            FROM unnest(:positions::int[], :fromCategories::text[], :fromDays::int[], :toCategories::text[],
                        :toDays::int[], :moveAmounts::bigint[], :reasons::text[])
                AS move (position, from_category, from_day, to_category, to_day, amount, reason)""";

    /**
     * The run and all its moves in one statement: the run's row in a data-modifying CTE, the moves unnested. One
     * round trip and one statement text whatever the number of moves, where a head insert plus a multi-row
     * {@code VALUES} of 7 parameters per move cost two round trips and a new statement text (parsed and planned
     * again) for every move count.
     */
    static final String INSERT_RUN = "WITH run AS (" + RUN_ROW + ") " + MOVES;

    /**
     * {@link #INSERT_RUN} and the months of the categories whose daily allocations the run changed
     * ({@link MonthCellRepository#UPDATE_ALLOCATIONS}) in one statement: a spending change that moves money writes
     * both, and they were two round trips. Answers how many category rows it updated (fewer than asked: a row is
     * missing, the caller replaces the month).
     */
    static final String INSERT_RUN_WITH_CELLS = "WITH cells AS (" + MonthCellRepository.UPDATE_ALLOCATIONS
            + " RETURNING 1), run AS (" + RUN_ROW + "), moves AS (" + MOVES + ")"
            + " SELECT count(*) AS cells FROM cells";

    private final DatabaseClient database;

    RedistributionRunRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> record(RedistributionRun run) {
        return database.sql(INSERT_RUN)
                .bindValues(values(run))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * One statement ({@link #INSERT_RUN_WITH_CELLS}) when the run changed cells of the same month; else as the
     * default (the month replaced, or nothing to write).
     */
    @Override
    public Mono<Void> recordWithAllocations(
            RedistributionRun run, Map<String, long[]> before, Map<String, long[]> after, MonthCells cells) {
        Optional<CategoryMonths> changed =
                CategoryMonths.between(before, after, run.month().lengthOfMonth());
        if (changed.isEmpty() || changed.get().isEmpty()) {
            return RedistributionRuns.super.recordWithAllocations(run, before, after, cells);
        }
        CategoryMonths written = changed.get();
        Map<String, Object> values = values(run);
        values.put("categories", written.categories());
        values.put("days", written.days());
        values.put("amounts", written.amounts());
        return database.sql(INSERT_RUN_WITH_CELLS)
                .bindValues(values)
                .map(row -> row.get("cells", Long.class))
                .one()
                .flatMap(rows -> rows == written.size()
                        ? Mono.empty()
                        : cells.replaceAllocations(run.userId(), run.month(), after));
    }

    /** The parameters of {@link #RUN_ROW} and {@link #MOVES} for this run. */
    private static Map<String, Object> values(RedistributionRun run) {
        List<Move> moves = run.moves();
        int size = moves.size();
        Integer[] positions = new Integer[size];
        String[] fromCategories = new String[size];
        Integer[] fromDays = new Integer[size];
        String[] toCategories = new String[size];
        Integer[] toDays = new Integer[size];
        Long[] amounts = new Long[size];
        String[] reasons = new String[size];
        for (int i = 0; i < size; i++) {
            Move move = moves.get(i);
            positions[i] = i;
            fromCategories[i] = move.fromCategory();
            fromDays[i] = move.fromDay().getDayOfMonth(); // a run's moves stay in its month
            toCategories[i] = move.toCategory();
            toDays[i] = move.toDay().getDayOfMonth();
            amounts[i] = move.amount();
            reasons[i] = move.reason().name();
        }
        Map<String, Object> values = new HashMap<>(32);
        values.put("id", run.id());
        values.put("userId", run.userId());
        values.put("month", run.month().atDay(1));
        values.put("trigger", run.trigger().name());
        values.put("ranOn", run.ranOn());
        values.put("balanced", run.balanced());
        values.put("shortfall", run.shortfall());
        values.put("createdAt", run.createdAt());
        values.put("positions", positions);
        values.put("fromCategories", fromCategories);
        values.put("fromDays", fromDays);
        values.put("toCategories", toCategories);
        values.put("toDays", toDays);
        values.put("moveAmounts", amounts);
        values.put("reasons", reasons);
        return values;
    }

    @Override
    public Flux<RedistributionRun> list(UUID userId, YearMonth month, int limit) {
        return database.sql("""
                        SELECT r.id, r.trigger, r.ran_on, r.balanced, r.shortfall_minor, r.created_at,
                               m.position, m.from_category, m.from_day, m.to_category, m.to_day, m.amount_minor, m.reason
                        FROM (SELECT * FROM redistribution_run WHERE user_id = :userId AND month = :month
                              ORDER BY created_at DESC, id LIMIT :limit) r
                        LEFT JOIN redistribution_move m ON m.run_id = r.id
                        ORDER BY r.created_at DESC, r.id, m.position""")
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .bind("limit", limit)
                .map(row -> new Row(
                        row.get("id", UUID.class),
                        RedistributionRun.Trigger.valueOf(row.get("trigger", String.class)),
                        row.get("ran_on", LocalDate.class),
                        Boolean.TRUE.equals(row.get("balanced", Boolean.class)),
                        row.get("shortfall_minor", Long.class),
                        row.get("created_at", Instant.class),
                        row.get("position", Integer.class) == null
                                ? null
                                : new Move(
                                        row.get("from_category", String.class),
                                        row.get("from_day", LocalDate.class),
                                        row.get("to_category", String.class),
                                        row.get("to_day", LocalDate.class),
                                        row.get("amount_minor", Long.class),
                                        MoveReason.valueOf(row.get("reason", String.class)))))
                .all()
                .bufferUntilChanged(Row::id)
                .map(rows -> {
                    Row first = rows.get(0);
                    List<Move> moves = new ArrayList<>();
                    rows.stream().filter(row -> row.move() != null).forEach(row -> moves.add(row.move()));
                    return new RedistributionRun(
                            first.id(),
                            userId,
                            month,
                            first.trigger(),
                            first.ranOn(),
                            first.balanced(),
                            first.shortfall(),
                            first.createdAt(),
                            moves);
                });
    }

    @Override
    public Flux<Threshold> claimThresholds(UUID userId, YearMonth month, List<Threshold> thresholds, Instant now) {
        if (thresholds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        INSERT INTO threshold_reached (user_id, month, category, percent, reached_at)
                        SELECT :userId, :month, claim.category, claim.percent, :now
                        FROM unnest(:categories::text[], :percents::smallint[]) AS claim (category, percent)
                        ON CONFLICT DO NOTHING
                        RETURNING category, percent""")
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .bind("categories", thresholds.stream().map(Threshold::category).toArray(String[]::new))
                .bind(
                        "percents",
                        thresholds.stream().map(t -> (short) t.percent()).toArray(Short[]::new))
                .bind("now", now)
                .map(row -> new Threshold(row.get("category", String.class), row.get("percent", Short.class)))
                .all();
    }

    private record Row(
            UUID id,
            RedistributionRun.Trigger trigger,
            LocalDate ranOn,
            boolean balanced,
            long shortfall,
            Instant createdAt,
            Move move) {}
}
