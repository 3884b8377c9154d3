package io.mita.budget.transaction;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link IdempotencyKeys} in table {@code idempotency_key}. A key is claimed with INSERT .. ON CONFLICT DO NOTHING inside the
 * creating transaction: a concurrent request with the same key waits on the primary key until the first
 * commits (then finds the claim) or rolls back (then claims it itself), so one key never makes two rows.
 */
@Component
class IdempotencyKeyRepository implements IdempotencyKeys {

    /**
     * The claim of a key for a transaction id: one row, or none when the key was claimed before. Spliced as it is into
     * {@link NewTransactionRepository#INSERT_IF_CLAIMED} (the create's claim and insert in one statement), so a change
     * here is a change of that statement too: both must keep claiming in the same table with the same conflict target
     * ({@code NewTransactionCategoryCheckIT} claims a key with each and finds it claimed for the other).
     */
    static final String CLAIM = """
            INSERT INTO idempotency_key (user_id, key, request_hash, transaction_id, created_at)
            VALUES (:userId, :key, :requestHash, :transactionId, :claimedAt)
            ON CONFLICT (user_id, key) DO NOTHING""";

    private final DatabaseClient database;

    IdempotencyKeyRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> claim(UUID userId, String key, String requestHash, UUID transactionId, Instant now) {
        return database.sql(CLAIM)
                .bind("userId", userId)
                .bind("key", key)
                .bind("requestHash", requestHash)
                .bind("transactionId", transactionId)
                .bind("claimedAt", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Claim> find(UUID userId, String key) {
        return database.sql(
                        "SELECT request_hash, transaction_id FROM idempotency_key WHERE user_id = :userId AND key = :key")
                .bind("userId", userId)
                .bind("key", key)
                .map((row, metadata) ->
                        new Claim(row.get("request_hash", String.class), row.get("transaction_id", UUID.class)))
                .one();
    }
}
