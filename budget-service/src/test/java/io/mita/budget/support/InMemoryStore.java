package io.mita.budget.support;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Spring Data repository of immutable rows in a map, with Spring Data's optimistic locking: a new row
 * (version null) gets version 0, every save of a known row must carry its current version and bumps it. A
 * feature's fake extends it with its own finders. Rows of soft-deleted entities are never removed (every
 * delete is refused); the others are.
 *
 * @param <T> the entity, told apart by a UUID id and a Long version
 */
public abstract class InMemoryStore<T> implements ReactiveCrudRepository<T, UUID> {

    private final Map<UUID, T> rows = new ConcurrentHashMap<>();
    private final Function<T, UUID> id;
    private final Function<T, Long> version;
    private final BiFunction<T, Long, T> withVersion;
    private final String noRemoval;
    private volatile UUID racedId;

    /**
     * @param noRemoval why rows are never removed (soft delete), or null when deletes remove them
     */
    protected InMemoryStore(
            Function<T, UUID> id, Function<T, Long> version, BiFunction<T, Long, T> withVersion, String noRemoval) {
        this.id = id;
        this.version = version;
        this.withVersion = withVersion;
        this.noRemoval = noRemoval;
    }

    public int size() {
        return rows.size();
    }

    /** The stored row, null when there is none. */
    public T row(UUID rowId) {
        return rows.get(rowId);
    }

    protected Collection<T> rows() {
        return rows.values();
    }

    /** The next {@link #owned} read of this row is followed at once by another request's change (its version moves on). */
    public void changeByAnotherRequestAfterTheNextRead(UUID rowId) {
        racedId = rowId;
    }

    /** The row when it exists and passes the filter (the feature's "caller's row" read), with the race above. */
    protected Mono<T> owned(UUID rowId, java.util.function.Predicate<T> filter) {
        return Mono.justOrEmpty(rows.get(rowId)).filter(filter).doOnNext(read -> {
            if (rowId.equals(racedId)) {
                racedId = null;
                store(read, version.apply(read) + 1);
            }
        });
    }

    @Override
    public <S extends T> Mono<S> save(S entity) {
        return Mono.fromSupplier(() -> {
            T stored = rows.get(id.apply(entity));
            Long expected = version.apply(entity);
            if (expected == null) {
                if (stored != null) {
                    throw new IllegalStateException("duplicate key " + id.apply(entity));
                }
                return store(entity, 0L);
            }
            if (stored == null || !version.apply(stored).equals(expected)) {
                throw new OptimisticLockingFailureException("version " + expected + " is stale");
            }
            return store(entity, expected + 1);
        });
    }

    @SuppressWarnings("unchecked")
    private <S extends T> S store(T entity, long newVersion) {
        T saved = withVersion.apply(entity, newVersion);
        rows.put(id.apply(saved), saved);
        return (S) saved;
    }

    @Override
    public <S extends T> Flux<S> saveAll(Iterable<S> entities) {
        return Flux.fromIterable(entities).concatMap(this::save);
    }

    @Override
    public <S extends T> Flux<S> saveAll(Publisher<S> entities) {
        return Flux.from(entities).concatMap(this::save);
    }

    @Override
    public Mono<T> findById(UUID rowId) {
        return Mono.justOrEmpty(rows.get(rowId));
    }

    @Override
    public Mono<T> findById(Publisher<UUID> rowId) {
        return Mono.from(rowId).flatMap(this::findById);
    }

    @Override
    public Mono<Boolean> existsById(UUID rowId) {
        return Mono.just(rows.containsKey(rowId));
    }

    @Override
    public Mono<Boolean> existsById(Publisher<UUID> rowId) {
        return Mono.from(rowId).flatMap(this::existsById);
    }

    @Override
    public Flux<T> findAll() {
        return Flux.fromIterable(rows.values());
    }

    @Override
    public Flux<T> findAllById(Iterable<UUID> ids) {
        return Flux.fromIterable(ids).concatMap(this::findById);
    }

    @Override
    public Flux<T> findAllById(Publisher<UUID> ids) {
        return Flux.from(ids).concatMap(this::findById);
    }

    @Override
    public Mono<Long> count() {
        return Mono.just((long) rows.size());
    }

    @Override
    public Mono<Void> deleteById(UUID rowId) {
        return removal(() -> rows.remove(rowId));
    }

    @Override
    public Mono<Void> deleteById(Publisher<UUID> rowId) {
        return Mono.from(rowId).flatMap(this::deleteById);
    }

    @Override
    public Mono<Void> delete(T entity) {
        return removal(() -> rows.remove(id.apply(entity)));
    }

    @Override
    public Mono<Void> deleteAllById(Iterable<? extends UUID> ids) {
        return removal(() -> ids.forEach(rows::remove));
    }

    @Override
    public Mono<Void> deleteAll(Iterable<? extends T> entities) {
        return removal(() -> entities.forEach(entity -> rows.remove(id.apply(entity))));
    }

    @Override
    public Mono<Void> deleteAll(Publisher<? extends T> entities) {
        return Flux.from(entities).concatMap(this::delete).then();
    }

    @Override
    public Mono<Void> deleteAll() {
        return removal(rows::clear);
    }

    private Mono<Void> removal(Runnable remove) {
        if (noRemoval != null) {
            return Mono.error(new UnsupportedOperationException(noRemoval));
        }
        return Mono.fromRunnable(remove);
    }
}
