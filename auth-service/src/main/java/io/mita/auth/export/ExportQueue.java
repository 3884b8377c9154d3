package io.mita.auth.export;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The PENDING rows of {@code data_export} as a queue shared by every auth-service instance: a worker claims due rows
 * ({@code FOR UPDATE SKIP LOCKED}: two claims never get the same row) with a lease; a row whose lease ran out is due
 * again (its worker died). Every write a worker makes for a claimed export names its claim, so a worker that lost
 * its claim (lease over, claimed again elsewhere) changes nothing.
 */
@Repository
class ExportQueue {

    /** A claimed export: which attempt this is. */
    record Claimed(DataExport export, int attempt) {}

    private final DatabaseClient db;

    ExportQueue(DatabaseClient db) {
        this.db = db;
    }

    /** Claims at most {@code limit} due exports, oldest request first, until {@code now + lease}. */
    Flux<Claimed> claim(String claim, Instant now, Duration lease, int maxAttempts, int limit) {
        return db.sql("UPDATE data_export SET claimed_by = :claim, lease_until = :leaseUntil, attempts = attempts + 1"
                        + " WHERE id IN (SELECT id FROM data_export WHERE status = 'PENDING'"
                        + " AND attempts < :maxAttempts AND next_attempt_at <= :now"
                        + " AND (lease_until IS NULL OR lease_until <= :now)"
                        + " ORDER BY requested_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, user_id, requested_at, expires_at, attempts")
                .bind("claim", claim)
                .bind("leaseUntil", now.plus(lease))
                .bind("maxAttempts", maxAttempts)
                .bind("now", now)
                .bind("limit", limit)
                .map(ExportQueue::claimed)
                .all();
    }

    /**
     * Marks FAILED the PENDING exports claimed {@code maxAttempts} times whose last lease ran out (each attempt was
     * interrupted); answers them.
     */
    Flux<DataExport> failExhausted(Instant now, int maxAttempts, String reason) {
        return db.sql("UPDATE data_export SET status = 'FAILED', completed_at = :now, failure_reason = :reason,"
                        + " claimed_by = NULL, lease_until = NULL WHERE id IN (SELECT id FROM data_export"
                        + " WHERE status = 'PENDING' AND attempts >= :maxAttempts AND lease_until <= :now"
                        + " FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, user_id, requested_at, completed_at, expires_at, failure_reason")
                .bind("now", now)
                .bind("reason", reason)
                .bind("maxAttempts", maxAttempts)
                .map(row -> new DataExport(
                        row.get("id", UUID.class),
                        row.get("user_id", UUID.class),
                        DataExport.Status.FAILED,
                        row.get("requested_at", Instant.class),
                        row.get("completed_at", Instant.class),
                        row.get("expires_at", Instant.class),
                        row.get("failure_reason", String.class),
                        null,
                        null))
                .all();
    }

    /**
     * Extends this claim's lease to {@code now + lease} while its build goes on; answers whether the claim was still
     * held (false: the lease ran out and another worker claimed the export, or it is no longer PENDING).
     */
    Mono<Boolean> renew(UUID exportId, String claim, Instant now, Duration lease) {
        return db.sql("UPDATE data_export SET lease_until = :leaseUntil"
                        + " WHERE id = :id AND claimed_by = :claim AND status = 'PENDING'")
                .bind("leaseUntil", now.plus(lease))
                .bind("id", exportId)
                .bind("claim", claim)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Gives a claimed export back, due again at {@code next}; answers whether the claim was still held. */
    Mono<Boolean> release(UUID exportId, String claim, Instant next) {
        return db.sql("UPDATE data_export SET claimed_by = NULL, lease_until = NULL, next_attempt_at = :next"
                        + " WHERE id = :id AND claimed_by = :claim AND status = 'PENDING'")
                .bind("next", next)
                .bind("id", exportId)
                .bind("claim", claim)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static Claimed claimed(Readable row) {
        Instant requestedAt = row.get("requested_at", Instant.class);
        return new Claimed(
                DataExport.pending(
                        row.get("id", UUID.class),
                        row.get("user_id", UUID.class),
                        requestedAt,
                        row.get("expires_at", Instant.class)),
                row.get("attempts", Integer.class));
    }
}
