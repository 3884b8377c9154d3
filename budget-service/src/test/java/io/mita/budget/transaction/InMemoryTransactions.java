package io.mita.budget.transaction;

import io.mita.budget.category.KnownCategories;
import io.mita.budget.support.InMemoryStore;
import java.util.UUID;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * {@link TransactionRepository} and {@link NewTransactions} over the generic {@link InMemoryStore}; a new
 * transaction's category is active when {@code activeCategory} accepts its key (every key unless given).
 */
final class InMemoryTransactions extends InMemoryStore<Transaction> implements TransactionRepository, NewTransactions {

    private final Predicate<String> activeCategory;

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

    @Override
    public Mono<Transaction> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId) {
        return owned(id, row -> row.userId().equals(userId) && row.deletedAt() == null);
    }
}
