package io.mita.budget.transaction;

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
     * {@code recorded}'s creation time, in the same table) and, only when this call claimed it, inserts
     * {@code recorded} as {@link #insertIfCategoryActive} does; the repository makes both in one statement.
     */
    Mono<KeyedInsert> insertIfClaimed(Transaction recorded, String key, String requestHash);

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
