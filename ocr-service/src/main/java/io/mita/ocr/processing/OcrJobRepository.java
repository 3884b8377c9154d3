package io.mita.ocr.processing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link OcrJobs} over {@code ocr_job}; times are the database's ({@code now()}), so workers agree on leases. */
@Repository
class OcrJobRepository implements OcrJobs {

    private final DatabaseClient database;

    OcrJobRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<ClaimedJob> claim(String worker, int limit, Duration lease) {
        return database.sql("""
                        UPDATE ocr_job j
                           SET lease_owner = :worker,
                               lease_until = now() + make_interval(secs => :leaseSeconds),
                               attempts = j.attempts + 1,
                               updated_at = now()
                          FROM (SELECT receipt_id FROM ocr_job
                                 WHERE status = 'QUEUED' AND next_attempt_at <= now()
                                   AND (lease_until IS NULL OR lease_until < now())
                                 ORDER BY next_attempt_at
                                 LIMIT :limit
                                 FOR UPDATE SKIP LOCKED) due, receipt r
                         WHERE j.receipt_id = due.receipt_id AND r.id = j.receipt_id
                        RETURNING j.receipt_id, r.user_id, j.attempts""")
                .bind("worker", worker)
                .bind("leaseSeconds", (double) lease.toMillis() / 1000)
                .bind("limit", limit)
                .map(row -> new ClaimedJob(
                        row.get("receipt_id", UUID.class),
                        row.get("user_id", UUID.class),
                        row.get("attempts", Integer.class)))
                .all();
    }

    @Override
    public Mono<Void> finish(UUID receiptId, String worker, boolean failed, String reason) {
        return database.sql("""
                        UPDATE ocr_job SET status = :status, last_error = :reason, lease_owner = NULL,
                               lease_until = NULL, updated_at = now()
                         WHERE receipt_id = :id""")
                .bind("status", failed ? "FAILED" : "DONE")
                .bind("reason", io.mita.ocr.processing.Reasons.shorten(reason == null ? "" : reason))
                .bind("id", receiptId)
                .then();
    }

    @Override
    public Mono<Void> retry(UUID receiptId, String worker, Instant dueAt, String reason, boolean countAttempt) {
        return database.sql("""
                        UPDATE ocr_job SET next_attempt_at = :due, last_error = :reason, lease_owner = NULL,
                               lease_until = NULL, attempts = attempts - :giveBack, updated_at = now()
                         WHERE receipt_id = :id AND status = 'QUEUED' AND lease_owner = :worker""")
                .bind("due", dueAt.atOffset(ZoneOffset.UTC))
                .bind("reason", Reasons.shorten(reason))
                .bind("giveBack", countAttempt ? 0 : 1)
                .bind("id", receiptId)
                .bind("worker", worker)
                .then();
    }

    @Override
    public Mono<Long> depth() {
        return database.sql("SELECT count(*) AS n FROM ocr_job WHERE status = 'QUEUED'")
                .map(row -> row.get("n", Long.class))
                .one();
    }
}
