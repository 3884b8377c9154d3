package io.mita.notification.mail;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Table {@code mail_queue}: e-mails waiting (PENDING, due at {@code next_attempt_at}), sent (SENT), dropped
 * because the user no longer wants them or gave no address (SKIPPED) and dead-lettered after the last attempt
 * (DEAD, the dead-letter store an operator lists and replays).
 */
@Repository
class MailQueue {

    static final int MAX_ERROR = 500;

    private final DatabaseClient database;

    MailQueue(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Claims up to {@code limit} due rows for {@code lease}: their next attempt moves past the lease, so no other
     * instance takes them meanwhile, and a crashed sender's rows come back when the lease ends.
     */
    Flux<QueuedMail> claimDue(int limit, Duration lease) {
        return database.sql("""
                        UPDATE mail_queue SET next_attempt_at = now() + make_interval(secs => :leaseSeconds)
                        WHERE id IN (
                            SELECT id FROM mail_queue WHERE status = 'PENDING' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .bind("leaseSeconds", (double) lease.toSeconds())
                .bind("limit", limit)
                .map(MailQueue::read)
                .all();
    }

    Mono<Void> sent(UUID id) {
        return database.sql("UPDATE mail_queue SET status = 'SENT', sent_at = now(), attempts = attempts + 1,"
                        + " last_error = NULL WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .then();
    }

    Mono<Void> skipped(UUID id, String reason) {
        return database.sql("UPDATE mail_queue SET status = 'SKIPPED', last_error = :reason"
                        + " WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("reason", cut(reason))
                .then();
    }

    /** One more failed attempt; tried again at {@code retryAt}. */
    Mono<Void> retryLater(UUID id, String error, Instant retryAt) {
        return database.sql("UPDATE mail_queue SET attempts = attempts + 1, last_error = :error,"
                        + " next_attempt_at = :retryAt WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("error", cut(error))
                .bind("retryAt", retryAt.atOffset(java.time.ZoneOffset.UTC))
                .then();
    }

    /** The last attempt failed (or the address can never work): into the dead-letter store. */
    Mono<Void> dead(UUID id, String error) {
        return database.sql("UPDATE mail_queue SET status = 'DEAD', attempts = attempts + 1, last_error = :error,"
                        + " dead_at = now() WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("error", cut(error))
                .then();
    }

    /** Dead letters, newest first. */
    Flux<QueuedMail> deadLetters(int limit) {
        return database.sql("SELECT * FROM mail_queue WHERE status = 'DEAD' ORDER BY dead_at DESC, id LIMIT :limit")
                .bind("limit", limit)
                .map(MailQueue::read)
                .all();
    }

    /** Puts a dead letter back in the queue, due now, with a fresh count of attempts; false when not dead. */
    Mono<Boolean> replay(UUID id) {
        return database.sql("UPDATE mail_queue SET status = 'PENDING', attempts = 0, next_attempt_at = now(),"
                        + " dead_at = NULL WHERE id = :id AND status = 'DEAD'")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<QueuedMail> find(UUID id) {
        return database.sql("SELECT * FROM mail_queue WHERE id = :id")
                .bind("id", id)
                .map(MailQueue::read)
                .one();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private static QueuedMail read(Readable row) {
        return new QueuedMail(
                row.get("id", UUID.class),
                row.get("event_id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("kind", String.class),
                row.get("locale", String.class),
                row.get("title", String.class),
                row.get("body", String.class),
                row.get("status", String.class),
                row.get("attempts", Integer.class),
                instant(row.get("next_attempt_at", OffsetDateTime.class)),
                instant(row.get("held_until", OffsetDateTime.class)),
                row.get("last_error", String.class),
                instant(row.get("event_time", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("sent_at", OffsetDateTime.class)),
                instant(row.get("dead_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
