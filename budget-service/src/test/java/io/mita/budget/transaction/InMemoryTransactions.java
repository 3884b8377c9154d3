package io.mita.budget.transaction;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link TransactionRepository} in a map, with Spring Data's optimistic locking: a new row (version null)
 * gets version 0, every save of a known row must carry its current version and bumps it. Only what the use
 * cases call is there.
 */
final class InMemoryTransactions implements TransactionRepository {

    private final Map<UUID, Transaction> rows = new ConcurrentHashMap<>();

    int size() {
        return rows.size();
    }

    Transaction row(UUID id) {
        return rows.get(id);
    }

    private volatile UUID racedId;

    /** The next read of this row is followed at once by another request's change (its version moves on). */
    void changeByAnotherRequestAfterTheNextRead(UUID id) {
        racedId = id;
    }

    @Override
    public <S extends Transaction> Mono<S> save(S transaction) {
        return Mono.fromSupplier(() -> {
            Transaction stored = rows.get(transaction.id());
            if (transaction.version() == null) {
                if (stored != null) {
                    throw new IllegalStateException("duplicate key " + transaction.id());
                }
                return store(transaction, 0L);
            }
            if (stored == null || !stored.version().equals(transaction.version())) {
                throw new OptimisticLockingFailureException("version " + transaction.version() + " is stale");
            }
            return store(transaction, transaction.version() + 1);
        });
    }

    @SuppressWarnings("unchecked")
    private <S extends Transaction> S store(S transaction, long version) {
        Transaction saved = versioned(transaction, version);
        rows.put(saved.id(), saved);
        return (S) saved;
    }

    private static Transaction versioned(Transaction t, long version) {
        return new Transaction(
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
                version);
    }

    @Override
    public Mono<Transaction> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId) {
        return Mono.justOrEmpty(rows.get(id))
                .filter(row -> row.userId().equals(userId) && row.deletedAt() == null)
                .doOnNext(read -> {
                    if (id.equals(racedId)) {
                        racedId = null;
                        rows.put(id, versioned(read, read.version() + 1));
                    }
                });
    }

    @Override
    public Mono<Transaction> findById(UUID id) {
        return Mono.justOrEmpty(rows.get(id));
    }

    @Override
    public Mono<Long> count() {
        return Mono.just((long) rows.size());
    }

    @Override
    public <S extends Transaction> Flux<S> saveAll(Iterable<S> entities) {
        return Flux.fromIterable(entities).concatMap(this::save);
    }

    @Override
    public <S extends Transaction> Flux<S> saveAll(Publisher<S> entities) {
        return Flux.from(entities).concatMap(this::save);
    }

    @Override
    public Mono<Transaction> findById(Publisher<UUID> id) {
        return Mono.from(id).flatMap(this::findById);
    }

    @Override
    public Mono<Boolean> existsById(UUID id) {
        return Mono.just(rows.containsKey(id));
    }

    @Override
    public Mono<Boolean> existsById(Publisher<UUID> id) {
        return Mono.from(id).flatMap(this::existsById);
    }

    @Override
    public Flux<Transaction> findAll() {
        return Flux.fromIterable(rows.values());
    }

    @Override
    public Flux<Transaction> findAllById(Iterable<UUID> ids) {
        return Flux.fromIterable(ids).concatMap(this::findById);
    }

    @Override
    public Flux<Transaction> findAllById(Publisher<UUID> ids) {
        return Flux.from(ids).concatMap(this::findById);
    }

    @Override
    public Mono<Void> deleteById(UUID id) {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteById(Publisher<UUID> id) {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> delete(Transaction entity) {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAllById(Iterable<? extends UUID> ids) {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAll(Iterable<? extends Transaction> entities) {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAll(Publisher<? extends Transaction> entities) {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAll() {
        throw new UnsupportedOperationException("transactions are soft-deleted, never removed");
    }
}
