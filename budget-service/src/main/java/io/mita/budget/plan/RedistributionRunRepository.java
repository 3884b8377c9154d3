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
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link RedistributionRuns} in tables {@code redistribution_run}, {@code redistribution_move}, {@code threshold_reached}. */
@Component
class RedistributionRunRepository implements RedistributionRuns {

    private static final int MOVES_PER_INSERT = 500;

    private final DatabaseClient database;

    RedistributionRunRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> record(RedistributionRun run) {
        Mono<Void> head = database.sql("""
                        INSERT INTO redistribution_run (id, user_id, month, trigger, ran_on, balanced, shortfall_minor, created_at)
                        VALUES (:id, :userId, :month, :trigger, :ranOn, :balanced, :shortfall, :createdAt)""")
                .bind("id", run.id())
                .bind("userId", run.userId())
                .bind("month", run.month().atDay(1))
                .bind("trigger", run.trigger().name())
                .bind("ranOn", run.ranOn())
                .bind("balanced", run.balanced())
                .bind("shortfall", run.shortfall())
                .bind("createdAt", run.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
        Mono<Void> moves = Mono.empty();
        for (int from = 0; from < run.moves().size(); from += MOVES_PER_INSERT) {
            moves = moves.then(insertMoves(
                    run.id(),
                    from,
                    run.moves().subList(from, Math.min(run.moves().size(), from + MOVES_PER_INSERT))));
        }
        return head.then(moves);
    }

    private Mono<Void> insertMoves(UUID runId, int firstPosition, List<Move> chunk) {
        StringBuilder sql = new StringBuilder("INSERT INTO redistribution_move"
                + " (run_id, position, from_category, from_day, to_category, to_day, amount_minor, reason) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append(String.format("(:runId, :p%1$d, :fc%1$d, :fd%1$d, :tc%1$d, :td%1$d, :a%1$d, :r%1$d)", i));
        }
        // bound at once: each bind call copies the bindings before it (docs/decisions.md, "Many bind parameters")
        Map<String, Object> values = new HashMap<>(1 + 7 * chunk.size());
        values.put("runId", runId);
        for (int i = 0; i < chunk.size(); i++) {
            Move move = chunk.get(i);
            values.put("p" + i, firstPosition + i);
            values.put("fc" + i, move.fromCategory());
            values.put("fd" + i, move.fromDay());
            values.put("tc" + i, move.toCategory());
            values.put("td" + i, move.toDay());
            values.put("a" + i, move.amount());
            values.put("r" + i, move.reason().name());
        }
        return database.sql(sql.toString())
                .bindValues(values)
                .fetch()
                .rowsUpdated()
                .then();
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
