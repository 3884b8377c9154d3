package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link GoalAllocations} in a map, joined with the goals and contributions of the other fakes as the SQL does. */
final class InMemoryGoalAllocations implements GoalAllocations {

    private final Map<UUID, GoalAllocation> rows = new ConcurrentHashMap<>();
    private final InMemoryGoals goals;
    private final InMemoryGoalContributions contributions;

    InMemoryGoalAllocations(InMemoryGoals goals, InMemoryGoalContributions contributions) {
        this.goals = goals;
        this.contributions = contributions;
    }

    GoalAllocation row(UUID goalId) {
        return rows.get(goalId);
    }

    @Override
    public Mono<GoalAllocation> find(UUID goalId) {
        return Mono.justOrEmpty(rows.get(goalId));
    }

    @Override
    public Mono<GoalAllocation> save(GoalAllocation allocation) {
        return Mono.fromSupplier(() -> {
            rows.put(allocation.goalId(), allocation);
            return allocation;
        });
    }

    @Override
    public Mono<Void> delete(UUID goalId) {
        return Mono.fromRunnable(() -> rows.remove(goalId));
    }

    @Override
    public Mono<List<BigDecimal>> othersOf(UUID userId, String currency, UUID goalId) {
        return Mono.fromSupplier(() -> rows.values().stream()
                .filter(a -> a.userId().equals(userId)
                        && a.currency().equals(currency)
                        && !a.goalId().equals(goalId))
                .filter(a -> live(a) && !goals.row(a.goalId()).completed())
                .map(GoalAllocation::monthlyAmount)
                .toList());
    }

    @Override
    public Flux<UUID> usersWithTransfersDue(LocalDate month) {
        return Flux.fromIterable(rows.values())
                .filter(a ->
                        a.autoTransfer() && live(a) && goals.row(a.goalId()).status() == GoalStatus.ACTIVE)
                .filterWhen(a ->
                        contributions.transferOf(a.goalId(), month).hasElement().map(done -> !done))
                .map(GoalAllocation::userId)
                .distinct();
    }

    @Override
    public Flux<GoalAllocation> autoTransfersOf(UUID userId) {
        return Flux.fromIterable(rows.values())
                .filter(a -> a.userId().equals(userId) && a.autoTransfer() && live(a))
                .filter(a -> goals.row(a.goalId()).status() == GoalStatus.ACTIVE)
                .sort(Comparator.comparing(
                                (GoalAllocation a) -> goals.row(a.goalId()).createdAt())
                        .thenComparing(GoalAllocation::goalId));
    }

    private boolean live(GoalAllocation allocation) {
        Goal goal = goals.row(allocation.goalId());
        return goal != null && goal.deletedAt() == null;
    }
}
