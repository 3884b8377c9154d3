package io.mita.budget.transaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The receipts that became a transaction (table {@code receipt_inbox}, V5): the claim a receipt's expense is
 * recorded under, keyed by receipt id, not by event id, so a second publication of the same receipt (a new
 * event id) is caught as well as a redelivery.
 */
@Component
class ReceiptInbox {

    private static final String CLAIM = """
            INSERT INTO receipt_inbox (receipt_id, user_id, transaction_id, event_id, processed_at)
            VALUES (:receiptId, :userId, :transactionId, :eventId, :now)
            ON CONFLICT (receipt_id) DO NOTHING""";

    private final DatabaseClient database;

    ReceiptInbox(DatabaseClient database) {
        this.database = database;
    }

    /**
     * True when this call claimed the receipt for {@code transactionId}; false when it was claimed before. Runs
     * inside the creating transaction: a concurrent claim of the same receipt waits until that one ends.
     */
    Mono<Boolean> claim(UUID receiptId, UUID userId, UUID transactionId, UUID eventId, Instant now) {
        return database.sql(CLAIM)
                .bind("receiptId", receiptId)
                .bind("userId", userId)
                .bind("transactionId", transactionId)
                .bind("eventId", eventId)
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }
}
