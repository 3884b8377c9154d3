package io.mita.common.outbox;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The outbox table as the relay sees it: batches are claimed with a lease in one short transaction (no row
 * lock outlives it), then stamped published, refused (parked after enough refusals) or released. Only one
 * relay of a database holds a live lease at a time, so batches go out one after the other in {@code seq} order.
 */
class OutboxLeases {

    /** Serialises claiming within one database; a transaction-scoped advisory lock, freed at commit. */
    static final long CLAIM_LOCK = 0x6d69_7461_6f75_7462L; // "mitaoutb"

    private static final String TRY_CLAIM_LOCK = "SELECT pg_try_advisory_xact_lock(:key) AS locked";
    /**
     * Claims nothing while another relay holds a live lease on a pending row. One statement with the check: it runs
     * after the lock's statement, so its snapshot sees every claim committed before the lock was taken.
     */
    private static final String CLAIM = "UPDATE outbox_event"
            + " SET claimed_by = :relay, claimed_until = now() + make_interval(secs => :seconds)"
            + " WHERE seq IN (SELECT seq FROM outbox_event WHERE status = 'pending' ORDER BY seq LIMIT :limit)"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_event WHERE status = 'pending' AND claimed_until > now()"
            + " AND claimed_by <> :relay)"
            + " RETURNING " + OutboxRecord.COLUMNS;

    /** Also ends the lease of the stamped events: a pass that stamps its whole batch has nothing left to release. */
    private static final String STAMP_PUBLISHED = """
            UPDATE outbox_event SET status = 'published', published_at = now(), attempts = attempts + 1,
                claimed_by = NULL, claimed_until = NULL
            WHERE seq = ANY(:seqs) AND status = 'pending'""";

    private static final String MARK_FAILED =
            "UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE seq = ANY(:seqs)";
    private static final String REFUSE = """
            UPDATE outbox_event SET attempts = attempts + 1, refusals = refusals + 1, last_error = :error,
                status = CASE WHEN refusals + 1 >= :parkAfter THEN 'parked' ELSE status END,
                parked_at = CASE WHEN refusals + 1 >= :parkAfter THEN now() ELSE parked_at END,
                parked_reason = CASE WHEN refusals + 1 >= :parkAfter THEN :error ELSE parked_reason END
            WHERE seq = :seq AND status = 'pending'
            RETURNING status""";
    private static final String RELEASE =
            "UPDATE outbox_event SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = :relay";
    /** One count per partial index: {@code status IN (...)} made PostgreSQL scan the whole table, published rows too. */
    private static final String COUNT = """
            SELECT (SELECT count(*) FROM outbox_event WHERE status = 'pending') AS pending,
                   (SELECT count(*) FROM outbox_event WHERE status = 'parked') AS parked""";

    private static final String PURGE = "DELETE FROM outbox_event"
            + " WHERE status = 'published' AND published_at < now() - make_interval(secs => :seconds)";

    record Counts(long pending, long parked) {}

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    OutboxLeases(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /**
     * Claims up to {@code limit} pending events in {@code seq} order for {@code relay}, or none while another
     * relay holds a live lease or is claiming at this moment.
     */
    Mono<List<OutboxRecord>> claim(String relay, int limit, Duration lease) {
        return database.sql(TRY_CLAIM_LOCK)
                .bind("key", CLAIM_LOCK)
                .map(row -> row.get("locked", Boolean.class))
                .one()
                .filter(Boolean.TRUE::equals)
                .flatMap(locked -> database.sql(CLAIM)
                        .bind("relay", relay)
                        .bind("seconds", (double) lease.toMillis() / 1000)
                        .bind("limit", limit)
                        .map((row, metadata) -> OutboxRecord.from(row))
                        .all()
                        .sort(Comparator.comparingLong(OutboxRecord::seq))
                        .collectList())
                .defaultIfEmpty(List.of())
                .as(transactions::transactional);
    }

    Mono<Void> stampPublished(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(STAMP_PUBLISHED)
                .bind("seqs", seqs.toArray(Long[]::new))
                .then();
    }

    Mono<Void> markFailed(List<Long> seqs, String error) {
        if (seqs.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(MARK_FAILED)
                .bind("seqs", seqs.toArray(Long[]::new))
                .bind("error", error)
                .then();
    }

    /** Counts a permanent refusal; {@code true} when it parked the event. */
    Mono<Boolean> refuse(long seq, String error, int parkAfter) {
        return database.sql(REFUSE)
                .bind("seq", seq)
                .bind("error", error)
                .bind("parkAfter", parkAfter)
                .map(row -> row.get("status", String.class))
                .one()
                .map("parked"::equals)
                .defaultIfEmpty(false);
    }

    Mono<Void> release(String relay) {
        return database.sql(RELEASE).bind("relay", relay).then();
    }

    Mono<Counts> counts() {
        return database.sql(COUNT)
                .map(row -> new Counts(row.get("pending", Long.class), row.get("parked", Long.class)))
                .one();
    }

    Mono<Void> purgePublishedBefore(Duration retention) {
        return database.sql(PURGE)
                .bind("seconds", (double) retention.toSeconds())
                .then();
    }
}
