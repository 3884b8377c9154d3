package io.mita.budget.habit;

import io.mita.budget.support.InMemoryStore;
import java.util.Comparator;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link HabitRepository} over the generic {@link InMemoryStore} (habits are deleted for real). */
final class InMemoryHabits extends InMemoryStore<Habit> implements HabitRepository {

    InMemoryHabits() {
        super(
                Habit::id,
                Habit::version,
                (h, version) -> new Habit(
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
                        version),
                null);
    }

    @Override
    public Mono<Habit> findByIdAndUserId(UUID id, UUID userId) {
        return owned(id, habit -> habit.userId().equals(userId));
    }

    @Override
    public Flux<Habit> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId) {
        return Flux.fromStream(rows().stream()
                .filter(habit -> habit.userId().equals(userId))
                .sorted(Comparator.comparing(Habit::createdAt).thenComparing(Habit::id)));
    }
}
