package io.mita.budget.transaction;

import io.mita.budget.category.KnownCategories;
import io.mita.budget.support.InMemoryStore;
import java.util.UUID;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * {@link TransactionRepository} and {@link NewTransactions} over the generic {@link InMemoryStore}; a new
 * transaction's category is active when {@code activeCategory} accepts its key (every key unless given). A keyed
 * insert claims its key in {@link #keys()}, the store to give the use case as its {@link IdempotencyKeys} (the
 * repository's keyed insert claims in the table of {@link IdempotencyKeyRepository} the same way).
 */
final class InMemoryTransactions extends InMemoryStore<Transaction> implements TransactionRepository, NewTransactions {

    private final Predicate<String> activeCategory;
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();

    InMemoryTransactions() {
        this(key -> true);
    }

    InMemoryTransactions(Predicate<String> activeCategory) {
        super(
                Transaction::id,
                Transaction::version,
                (t, version) -> new Transaction(
                        t.id(),
                        t.userId(),
                        t.type(),
                        t.amount(),
                        t.currency(),
                        t.category(),
                        t.occurredOn(),
                        t.merchant(),
                        t.note(),
                        t.createdAt(),
                        t.updatedAt(),
                        t.deletedAt(),
                        version),
                "transactions are soft-deleted, never removed");
        this.activeCategory = activeCategory;
    }

    @Override
    public Mono<Transaction> insertIfCategoryActive(Transaction recorded) {
        String key = KnownCategories.keyOf(recorded.category());
        if (!activeCategory.test(key)) {
            return Mono.empty();
        }
        return save(new Transaction(
                recorded.id(),
                recorded.userId(),
                recorded.type(),
                recorded.amount(),
                recorded.currency(),
                key,
                recorded.occurredOn(),
                recorded.merchant(),
                recorded.note(),
                recorded.createdAt(),
                recorded.updatedAt(),
                null,
                null));
    }

    /** Claims, then inserts only when this call claimed the key: one step after the other, as the statement does. */
    @Override
    public Mono<KeyedInsert> insertIfClaimed(Transaction recorded, String key, String requestHash) {
        return keys.claim(recorded.userId(), key, requestHash, recorded.id(), recorded.createdAt())
                .flatMap(claimed -> claimed
                        ? insertIfCategoryActive(recorded).map(KeyedInsert::of).defaultIfEmpty(KeyedInsert.CLAIMED_ONLY)
                        : Mono.just(KeyedInsert.NOT_CLAIMED));
    }

    /** The keys {@link #insertIfClaimed} claims in. */
    InMemoryIdempotencyKeys keys() {
        return keys;
    }

    @Override
    public Mono<Transaction> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId) {
        return owned(id, row -> row.userId().equals(userId) && row.deletedAt() == null);
    }
}
