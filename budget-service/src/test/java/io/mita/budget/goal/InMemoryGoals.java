package io.mita.budget.goal;

import io.mita.budget.support.InMemoryStore;
import java.util.Comparator;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link GoalRepository} over the generic {@link InMemoryStore}. The row lock of {@link #lockOwned} is a plain read
 * here (the use cases run one at a time in unit tests).
 */
final class InMemoryGoals extends InMemoryStore<Goal> implements GoalRepository {

    InMemoryGoals() {
        super(
                Goal::id,
                Goal::version,
                (g, version) -> new Goal(
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
                        version),
                "goals are soft-deleted, never removed");
    }

    @Override
    public Mono<Goal> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId) {
        return owned(id, row -> row.userId().equals(userId) && row.deletedAt() == null);
    }

    @Override
    public Mono<Goal> lockOwned(UUID id, UUID userId) {
        return findByIdAndUserIdAndDeletedAtIsNull(id, userId);
    }

    @Override
    public Flux<Goal> findLive(UUID userId) {
        return Flux.fromIterable(rows())
                .filter(row -> row.userId().equals(userId) && row.deletedAt() == null)
                .sort(Comparator.comparing(Goal::createdAt).thenComparing(Goal::id));
    }
}
