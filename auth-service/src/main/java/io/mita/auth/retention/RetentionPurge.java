package io.mita.auth.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.lifecycle.PeriodicJob;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes what auth-service no longer needs, every {@code mita.auth.retention.interval}: refresh tokens expired
 * more than {@code expired-kept} ago, then the sessions left without any token, password-reset tokens and the
 * second steps of logins (MFA challenges) expired that long ago, inbox rows ({@code processed_event}) older than {@code processed-events}, and daily
 * unknown-account counts older than {@code unknown-account-counts}, and data exports whose download time
 * ({@code mita.auth.export.lifetime}) is over. Published outbox events have their own purge
 * (common-lib's relay, {@code MITA_OUTBOX_RETENTION}). auth-service keeps no idempotency keys. Each table's
 * deleted rows are counted in {@value #METRIC} (tag {@code table}); a failed run is logged and the next one
 * tries again.
 */
@Component
public class RetentionPurge extends PeriodicJob {

    public static final String METRIC = "mita.auth.retention.purged.rows";

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final DatabaseClient db;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Map<String, Counter> purged = new LinkedHashMap<>();

    RetentionPurge(DatabaseClient db, RetentionProperties properties, Clock clock, MeterRegistry meters) {
        super(properties.interval());
        this.db = db;
        this.properties = properties;
        this.clock = clock;
        for (String table : new String[] {
            "refresh_token",
            "user_session",
            "password_reset_token",
            "mfa_challenge",
            "processed_event",
            "unknown_account_attempt",
            "data_export"
        }) {
            purged.put(
                    table,
                    Counter.builder(METRIC)
                            .tag("table", table)
                            .description("Rows deleted by auth-service's retention purge")
                            .register(meters));
        }
    }

    /** One run: answers how many rows each table lost, in the order they are purged. */
    public Mono<Map<String, Long>> purgeOnce() {
        Instant now = clock.instant();
        Instant expiredBefore = now.minus(properties.expiredKept());
        Map<String, Long> counts = new LinkedHashMap<>();
        return delete("refresh_token", "DELETE FROM refresh_token WHERE expires_at < :before", expiredBefore, counts)
                // a session opens with its first token in one transaction: one without any token has ended
                .then(delete(
                        "user_session",
                        "DELETE FROM user_session s WHERE s.created_at < :before"
                                + " AND NOT EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = s.id)",
                        now,
                        counts))
                .then(delete(
                        "password_reset_token",
                        "DELETE FROM password_reset_token WHERE expires_at < :before",
                        expiredBefore,
                        counts))
                .then(delete(
                        "mfa_challenge", "DELETE FROM mfa_challenge WHERE expires_at < :before", expiredBefore, counts))
                .then(delete(
                        "processed_event",
                        "DELETE FROM processed_event WHERE processed_at < :before",
                        now.minus(properties.processedEvents()),
                        counts))
                .then(Mono.defer(() -> db.sql("DELETE FROM unknown_account_attempt WHERE day < :before")
                        .bind(
                                "before",
                                LocalDate.ofInstant(now.minus(properties.unknownAccountCounts()), ZoneOffset.UTC))
                        .fetch()
                        .rowsUpdated()
                        .doOnNext(rows -> count("unknown_account_attempt", rows, counts))))
                // data exports at the end of their download time, archive and all (docs/auth.md, "Data export")
                .then(delete("data_export", "DELETE FROM data_export WHERE expires_at <= :before", now, counts))
                .thenReturn(counts);
    }

    private Mono<Void> delete(String table, String sql, Instant before, Map<String, Long> counts) {
        return Mono.defer(() -> db.sql(sql)
                .bind("before", before)
                .fetch()
                .rowsUpdated()
                .doOnNext(rows -> count(table, rows, counts))
                .then());
    }

    private void count(String table, long rows, Map<String, Long> counts) {
        counts.put(table, rows);
        purged.get(table).increment(rows);
    }

    @Override
    protected Mono<?> runOnce() {
        return purgeOnce().doOnNext(counts -> log.info("Retention purge deleted {}", counts));
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("Retention purge failed: {}", failure.toString());
    }
}
