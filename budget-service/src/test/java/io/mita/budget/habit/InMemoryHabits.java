package io.mita.budget.habit;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link HabitRepository} in a map, with Spring Data's optimistic locking (a new row gets version 0). */
final class InMemoryHabits implements HabitRepository {

    private final Map<UUID, Habit> rows = new ConcurrentHashMap<>();
    private volatile UUID racedId;

    /** The next read of this habit is followed at once by another request's change (its version moves on). */
    void changeByAnotherRequestAfterTheNextRead(UUID id) {
        racedId = id;
    }

    @Override
    public <S extends Habit> Mono<S> save(S habit) {
        return Mono.fromSupplier(() -> {
            Habit stored = rows.get(habit.id());
            if (habit.version() == null) {
                if (stored != null) {
                    throw new IllegalStateException("duplicate key " + habit.id());
                }
                return store(habit, 0L);
            }
            if (stored == null || !stored.version().equals(habit.version())) {
                throw new OptimisticLockingFailureException("version " + habit.version() + " is stale");
            }
            return store(habit, habit.version() + 1);
        });
    }

    @SuppressWarnings("unchecked")
    private <S extends Habit> S store(S h, long version) {
        Habit saved = new Habit(
                h.id(),
                h.userId(),
                h.name(),
                h.category(),
                h.maxCount(),
                h.maxAmount(),
                h.currency(),
                h.period(),
                h.weekdaysOnly(),
                h.startsOn(),
                h.createdAt(),
                h.updatedAt(),
                version);
        rows.put(saved.id(), saved);
        return (S) saved;
    }

    @Override
    public Mono<Habit> findByIdAndUserId(UUID id, UUID userId) {
        return Mono.justOrEmpty(rows.get(id))
                .filter(habit -> habit.userId().equals(userId))
                .doOnNext(read -> {
                    if (id.equals(racedId)) {
                        racedId = null;
                        store(read, read.version() + 1);
                    }
                });
    }

    @Override
    public Flux<Habit> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId) {
        return Flux.fromStream(rows.values().stream()
                .filter(habit -> habit.userId().equals(userId))
                .sorted(Comparator.comparing(Habit::createdAt).thenComparing(Habit::id)));
    }

    @Override
    public Mono<Void> delete(Habit habit) {
        return Mono.fromRunnable(() -> rows.remove(habit.id()));
    }

    @Override
    public <S extends Habit> Flux<S> saveAll(Iterable<S> entities) {
        return Flux.fromIterable(entities).concatMap(this::save);
    }

    @Override
    public <S extends Habit> Flux<S> saveAll(Publisher<S> entities) {
        return Flux.from(entities).concatMap(this::save);
    }

    @Override
    public Mono<Habit> findById(UUID id) {
        return Mono.justOrEmpty(rows.get(id));
    }

    @Override
    public Mono<Habit> findById(Publisher<UUID> id) {
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
    public Flux<Habit> findAll() {
        return Flux.fromIterable(rows.values());
    }

    @Override
    public Flux<Habit> findAllById(Iterable<UUID> ids) {
        return Flux.fromIterable(ids).concatMap(this::findById);
    }

    @Override
    public Flux<Habit> findAllById(Publisher<UUID> ids) {
        return Flux.from(ids).concatMap(this::findById);
    }

    @Override
    public Mono<Long> count() {
        return Mono.just((long) rows.size());
    }

    @Override
    public Mono<Void> deleteById(UUID id) {
        return Mono.fromRunnable(() -> rows.remove(id));
    }

    @Override
    public Mono<Void> deleteById(Publisher<UUID> id) {
        return Mono.from(id).flatMap(this::deleteById);
    }

    @Override
    public Mono<Void> deleteAllById(Iterable<? extends UUID> ids) {
        return Mono.fromRunnable(() -> ids.forEach(rows::remove));
    }

    @Override
    public Mono<Void> deleteAll(Iterable<? extends Habit> entities) {
        return Mono.fromRunnable(() -> entities.forEach(habit -> rows.remove(habit.id())));
    }

    @Override
    public Mono<Void> deleteAll(Publisher<? extends Habit> entities) {
        return Flux.from(entities).concatMap(this::delete).then();
    }

    @Override
    public Mono<Void> deleteAll() {
        return Mono.fromRunnable(rows::clear);
    }
}
