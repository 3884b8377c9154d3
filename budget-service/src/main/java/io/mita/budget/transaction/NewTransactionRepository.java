package io.mita.budget.transaction;

import io.mita.budget.category.KnownCategories;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link NewTransactions} in table {@code transaction}: the row is selected from the category check, so the check
 * and the insert are one round trip (docs/decisions.md, "A create's category check inside its insert").
 */
@Component
class NewTransactionRepository implements NewTransactions {

    static final String INSERT = """
            INSERT INTO transaction (id, user_id, type, amount, currency, category, occurred_on, merchant, note,
                created_at, updated_at, version)
            SELECT :id, :userId, :type, :amount, :currency, c.key, :occurredOn, :merchant, :note, :createdAt,
                :updatedAt, 0
            FROM (""" + KnownCategories.ACTIVE_KEY_SELECT + ") AS c";

    /**
     * {@link #INSERT} only when the same statement claimed the key ({@link IdempotencyKeyRepository#CLAIM} as a
     * data-modifying {@code WITH}): one round trip where the claim was one of its own. Answers whether the key was
     * claimed and whether the row was inserted. The claim runs first (the insert reads its result), so a concurrent
     * request with the same key still waits on the key's primary key until the first one ends, and a key claimed
     * before inserts nothing.
     */
    static final String INSERT_IF_CLAIMED = "WITH claim AS (" + IdempotencyKeyRepository.CLAIM + " RETURNING 1),"
            + " inserted AS (" + INSERT + " WHERE EXISTS (SELECT 1 FROM claim) RETURNING 1)"
            + " SELECT EXISTS (SELECT 1 FROM claim) AS claimed, EXISTS (SELECT 1 FROM inserted) AS inserted";

    private final DatabaseClient database;

    NewTransactionRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Transaction> insertIfCategoryActive(Transaction recorded) {
        return bound(database.sql(INSERT), recorded)
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .map(rows -> recorded.inserted(KnownCategories.keyOf(recorded.category())));
    }

    /** In one statement ({@link #INSERT_IF_CLAIMED}). */
    @Override
    public Mono<KeyedInsert> insertIfClaimed(Transaction recorded, String key, String requestHash) {
        return bound(database.sql(INSERT_IF_CLAIMED), recorded)
                .bind("key", key)
                .bind("requestHash", requestHash)
                .bind("transactionId", recorded.id())
                .bind("claimedAt", recorded.createdAt())
                .map(row -> !Boolean.TRUE.equals(row.get("claimed", Boolean.class))
                        ? KeyedInsert.NOT_CLAIMED
                        : Boolean.TRUE.equals(row.get("inserted", Boolean.class))
                                ? KeyedInsert.of(recorded.inserted(KnownCategories.keyOf(recorded.category())))
                                : KeyedInsert.CLAIMED_ONLY)
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bound(
            DatabaseClient.GenericExecuteSpec spec, Transaction recorded) {
        DatabaseClient.GenericExecuteSpec insert = spec.bind("id", recorded.id())
                .bind("userId", recorded.userId())
                .bind("type", recorded.type().name())
                .bind("amount", recorded.amount())
                .bind("currency", recorded.currency())
                .bind("categoryKey", KnownCategories.keyOf(recorded.category()))
                .bind("occurredOn", recorded.occurredOn())
                .bind("createdAt", recorded.createdAt())
                .bind("updatedAt", recorded.updatedAt());
        insert = bindNullable(insert, "merchant", recorded.merchant());
        return bindNullable(insert, "note", recorded.note());
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
