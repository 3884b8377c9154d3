package io.mita.budget.goal;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link GoalRepository} in a map, with Spring Data's optimistic locking: a new row (version null) gets
 * version 0, every save of a known row must carry its current version and bumps it. The row lock of
 * {@link #lockOwned} is a plain read here (the use cases run one at a time in unit tests).
 */
final class InMemoryGoals implements GoalRepository {

    private final Map<UUID, Goal> rows = new ConcurrentHashMap<>();

    int size() {
        return rows.size();
    }

    Goal row(UUID id) {
        return rows.get(id);
    }

    @Override
    public <S extends Goal> Mono<S> save(S goal) {
        return Mono.fromSupplier(() -> {
            Goal stored = rows.get(goal.id());
            if (goal.version() == null) {
                if (stored != null) {
                    throw new IllegalStateException("duplicate key " + goal.id());
                }
                return store(goal, 0L);
            }
            if (stored == null || !stored.version().equals(goal.version())) {
                throw new OptimisticLockingFailureException("version " + goal.version() + " is stale");
            }
            return store(goal, goal.version() + 1);
        });
    }

    @SuppressWarnings("unchecked")
    private <S extends Goal> S store(S goal, long version) {
        Goal g = goal;
        Goal saved = new Goal(
                g.id(),
                g.userId(),
                g.name(),
                g.targetAmount(),
                g.currency(),
                g.targetDate(),
                g.category(),
                g.icon(),
                g.status(),
                g.savedAmount(),
                g.completedAt(),
                g.createdAt(),
                g.updatedAt(),
                g.deletedAt(),
                version);
        rows.put(saved.id(), saved);
        return (S) saved;
    }

    @Override
    public Mono<Goal> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId) {
        return Mono.justOrEmpty(rows.get(id)).filter(row -> row.userId().equals(userId) && row.deletedAt() == null);
    }

    @Override
    public Mono<Goal> lockOwned(UUID id, UUID userId) {
        return findByIdAndUserIdAndDeletedAtIsNull(id, userId);
    }

    @Override
    public Flux<Goal> findLive(UUID userId) {
        return Flux.fromIterable(rows.values())
                .filter(row -> row.userId().equals(userId) && row.deletedAt() == null)
                .sort(Comparator.comparing(Goal::createdAt).thenComparing(Goal::id));
    }

    @Override
    public Mono<Goal> findById(UUID id) {
        return Mono.justOrEmpty(rows.get(id));
    }

    @Override
    public Mono<Long> count() {
        return Mono.just((long) rows.size());
    }

    @Override
    public <S extends Goal> Flux<S> saveAll(Iterable<S> entities) {
        return Flux.fromIterable(entities).concatMap(this::save);
    }

    @Override
    public <S extends Goal> Flux<S> saveAll(Publisher<S> entities) {
        return Flux.from(entities).concatMap(this::save);
    }

    @Override
    public Mono<Goal> findById(Publisher<UUID> id) {
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
    public Flux<Goal> findAll() {
        return Flux.fromIterable(rows.values());
    }

    @Override
    public Flux<Goal> findAllById(Iterable<UUID> ids) {
        return Flux.fromIterable(ids).concatMap(this::findById);
    }

    @Override
    public Flux<Goal> findAllById(Publisher<UUID> ids) {
        return Flux.from(ids).concatMap(this::findById);
    }

    @Override
    public Mono<Void> deleteById(UUID id) {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteById(Publisher<UUID> id) {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> delete(Goal entity) {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAllById(Iterable<? extends UUID> ids) {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAll(Iterable<? extends Goal> entities) {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAll(Publisher<? extends Goal> entities) {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Void> deleteAll() {
        throw new UnsupportedOperationException("goals are soft-deleted, never removed");
    }
}
