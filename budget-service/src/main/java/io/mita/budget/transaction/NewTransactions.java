package io.mita.budget.transaction;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Inserts a new transaction in one statement together with its category check (the check's SQL is the category
 * feature's, {@link io.mita.budget.category.KnownCategories#ACTIVE_KEY_SELECT}). Implemented by
 * {@link NewTransactionRepository}.
 */
interface NewTransactions {

    /**
     * Inserts {@code recorded} (version 0) if its category is, by key, one of its user's active categories, locking
     * that category until the transaction ends; the inserted transaction, or empty when no row was inserted (the
     * category is archived, unknown or the user's categories are not seeded yet).
     */
    Mono<Transaction> insertIfCategoryActive(Transaction recorded);

    /**
     * Claims the {@code Idempotency-Key} for {@code recorded} (as {@link IdempotencyKeys#claim} does, at
     * {@code recorded}'s creation time) and, only when this call claimed it, inserts {@code recorded} as
     * {@link #insertIfCategoryActive} does. This default makes the claim in {@code keys} and then inserts; the real
     * repository makes both in one statement, in the table of {@link IdempotencyKeyRepository} (which is then
     * {@code keys}).
     */
    default Mono<KeyedInsert> insertIfClaimed(
            Transaction recorded, String key, String requestHash, IdempotencyKeys keys) {
        Instant now = recorded.createdAt();
        return keys.claim(recorded.userId(), key, requestHash, recorded.id(), now)
                .flatMap(claimed -> claimed
                        ? insertIfCategoryActive(recorded).map(KeyedInsert::of).defaultIfEmpty(KeyedInsert.CLAIMED_ONLY)
                        : Mono.just(KeyedInsert.NOT_CLAIMED));
    }

    /**
     * What {@link #insertIfClaimed} did: {@code claimed} false when the key had been claimed before (nothing was
     * written); {@code inserted} null when the key was claimed now but the category was not active (no row yet).
     */
    record KeyedInsert(boolean claimed, Transaction inserted) {

        static final KeyedInsert NOT_CLAIMED = new KeyedInsert(false, null);
        static final KeyedInsert CLAIMED_ONLY = new KeyedInsert(true, null);

        static KeyedInsert of(Transaction inserted) {
            return new KeyedInsert(true, inserted);
        }
    }
}
