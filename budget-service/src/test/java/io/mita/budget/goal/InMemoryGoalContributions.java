package io.mita.budget.goal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link GoalContributions} in a list, with the unique indexes of the table (user and key; goal and transfer month). */
final class InMemoryGoalContributions implements GoalContributions {

    private final List<GoalContribution> rows = new CopyOnWriteArrayList<>();

    int size() {
        return rows.size();
    }

    @Override
    public Mono<GoalContribution> insert(GoalContribution contribution) {
        return Mono.fromSupplier(() -> {
            if (contribution.transferMonth() != null
                    && rows.stream()
                            .anyMatch(row -> row.goalId().equals(contribution.goalId())
                                    && contribution.transferMonth().equals(row.transferMonth()))) {
                throw new DuplicateKeyException("goal_contribution_one_transfer_a_month");
            }
            if (contribution.idempotencyKey() != null
                    && rows.stream()
                            .anyMatch(row -> row.userId().equals(contribution.userId())
                                    && contribution.idempotencyKey().equals(row.idempotencyKey()))) {
                throw new DuplicateKeyException("goal_contribution_idempotency");
            }
            rows.add(contribution);
            return contribution;
        });
    }

    @Override
    public Mono<GoalContribution> findByKey(UUID userId, String idempotencyKey) {
        return Mono.justOrEmpty(rows.stream()
                .filter(row -> row.userId().equals(userId) && idempotencyKey.equals(row.idempotencyKey()))
                .findFirst());
    }

    @Override
    public Mono<GoalContribution> transferOf(UUID goalId, LocalDate month) {
        return Mono.justOrEmpty(rows.stream()
                .filter(row -> row.goalId().equals(goalId) && month.equals(row.transferMonth()))
                .findFirst());
    }

    @Override
    public Flux<GoalContribution> history(UUID goalId) {
        return Flux.fromIterable(rows)
                .filter(row -> row.goalId().equals(goalId))
                .sort(Comparator.comparing(GoalContribution::createdAt)
                        .thenComparing(GoalContribution::id)
                        .reversed());
    }
}
