package io.mita.insights.insight;

import io.mita.common.lifecycle.PeriodicJob;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When insights are regenerated: a projection change schedules its user-month in {@code insight_refresh}, due
 * {@code mita.insights.refresh-debounce} later (further changes before then join the same run and are counted);
 * every {@code mita.insights.refresh-interval} this loop takes up to 50 due user-months and regenerates each. The
 * run reads and narrates first, then stores in one transaction that deletes the row only if no change came since
 * it was read ({@code changes} unchanged): with several instances each row is stored once, a run that read older
 * projections stores nothing and the next tick does it again, and a failed run leaves the row for the next one.
 */
@Component
class InsightRefreshSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(InsightRefreshSchedule.class);

    private final DatabaseClient database;
    private final InsightGeneration generation;
    private final Clock clock;

    InsightRefreshSchedule(
            DatabaseClient database,
            InsightGeneration generation,
            Clock clock,
            @Value("${mita.insights.refresh-interval}") Duration interval) {
        super(interval);
        this.database = database;
        this.generation = generation;
        this.clock = clock;
    }

    record Due(UUID user, YearMonth month, long changes) {}

    /** Regenerates the user-months that are due; answers how many. */
    Mono<Long> refreshDue() {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        return database.sql(
                        "SELECT user_id, month, changes FROM insight_refresh WHERE due_at <= :now ORDER BY due_at LIMIT 50")
                .bind("now", now)
                .map(row -> new Due(
                        row.get("user_id", UUID.class),
                        YearMonth.parse(row.get("month", String.class)),
                        row.get("changes", Long.class)))
                .all()
                .concatMap(due -> generation
                        .generate(due.user(), due.month(), claim(due))
                        .onErrorResume(e -> {
                            log.warn("insights of a user-month could not be regenerated, retried on the next run", e);
                            return Mono.empty();
                        }))
                .count();
    }

    /** Deletes the row if nothing changed since it was read; true when it did. */
    private Mono<Boolean> claim(Due due) {
        return database.sql(
                        "DELETE FROM insight_refresh WHERE user_id = :user AND month = :month AND changes = :changes")
                .bind("user", due.user())
                .bind("month", due.month().toString())
                .bind("changes", due.changes())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    protected Mono<?> runOnce() {
        return refreshDue();
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("insight refresh failed, retried on the next run", failure);
    }
}
