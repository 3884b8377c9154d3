package io.mita.budget.transaction;

import io.mita.budget.support.InMemoryStore;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** {@link TransactionRepository} over the generic {@link InMemoryStore}. */
final class InMemoryTransactions extends InMemoryStore<Transaction> implements TransactionRepository {

    InMemoryTransactions() {
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
    }

    @Override
    public Mono<Transaction> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId) {
        return owned(id, row -> row.userId().equals(userId) && row.deletedAt() == null);
    }
}
