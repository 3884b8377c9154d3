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
}
