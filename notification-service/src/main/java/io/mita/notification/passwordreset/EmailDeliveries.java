package io.mita.notification.passwordreset;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code email_delivery} table: one row per event that asked for an e-mail, with its status, how
 * many times sending was tried and the last reason it failed. Never the recipient's address or a token.
 */
@Repository
class EmailDeliveries {

    static final int MAX_ERROR = 500;

    private final DatabaseClient database;

    EmailDeliveries(DatabaseClient database) {
        this.database = database;
    }

    Mono<Boolean> isSent(UUID eventId) {
        return database.sql("SELECT status FROM email_delivery WHERE event_id = :eventId")
                .bind("eventId", eventId)
                .map(row -> "SENT".equals(row.get("status", String.class)))
                .first()
                .defaultIfEmpty(false);
    }

    /** The mail went out (after {@code attempts} earlier failures recorded by {@link #recordFailure}). */
    Mono<Void> recordSent(UUID eventId, UUID userId, String kind) {
        return database.sql("""
                        INSERT INTO email_delivery (id, user_id, kind, event_id, status, attempts, sent_at)
                        VALUES (:id, :userId, :kind, :eventId, 'SENT', 1, now())
                        ON CONFLICT (event_id) DO UPDATE
                        SET status = 'SENT', attempts = email_delivery.attempts + 1, sent_at = now()""")
                .bind("id", UUID.randomUUID())
                .bind("userId", userId)
                .bind("kind", kind)
                .bind("eventId", eventId)
                .then();
    }

    /**
     * Sending failed (or was not tried: {@code attempted} false, e.g. an unreadable delivery or an expired
     * request). A row that is SENT already stays SENT.
     *
     * @param error safe to store: no address, no token
     */
    Mono<Void> recordFailure(UUID eventId, UUID userId, String kind, String error, boolean attempted) {
        String stored = error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        return database.sql("""
                        INSERT INTO email_delivery (id, user_id, kind, event_id, status, attempts, last_error)
                        VALUES (:id, :userId, :kind, :eventId, 'FAILED', :attempts, :error)
                        ON CONFLICT (event_id) DO UPDATE
                        SET attempts = email_delivery.attempts + EXCLUDED.attempts, last_error = EXCLUDED.last_error
                        WHERE email_delivery.status = 'FAILED'""")
                .bind("id", UUID.randomUUID())
                .bind("userId", userId)
                .bind("kind", kind)
                .bind("eventId", eventId)
                .bind("attempts", attempted ? 1 : 0)
                .bind("error", stored)
                .then();
    }
}
