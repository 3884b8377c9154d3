package io.mita.budget.goal;

import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Allocating part of the monthly plan's savings target to a goal (docs/budget.md, "Goals", "Plan savings").
 * One database transaction: lock the goal, lock the current month's plan (the lock that orders all allocation
 * changes of one user), check the rule of {@link SavingsAllocations} and store the allocation.
 */
@Service
class GoalAllocationService {

    private final GoalRepository goals;
    private final GoalAllocations allocations;
    private final PlanSavingsTargets plans;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    GoalAllocationService(
            GoalRepository goals,
            GoalAllocations allocations,
            PlanSavingsTargets plans,
            TransactionalOperator inTransaction,
            Clock clock) {
        this.goals = goals;
        this.allocations = allocations;
        this.plans = plans;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    Mono<AllocationResponse> allocate(UUID userId, UUID goalId, String monthlyAmount, boolean autoTransfer) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Mono<AllocationResponse> work = goals.lockOwned(goalId, userId)
                .switchIfEmpty(Mono.error(() -> new GoalNotFoundException(goalId)))
                .flatMap(goal -> {
                    if (goal.completed()) {
                        return Mono.error(new GoalAlreadyCompletedException(goalId, "an allocation"));
                    }
                    Money monthly = parse(monthlyAmount, goal.currency());
                    return plans.lock(userId, month)
                            .switchIfEmpty(Mono.error(() -> new GoalPlanMissingException(month)))
                            .flatMap(target -> {
                                if (!target.currency().getCurrencyCode().equals(goal.currency())) {
                                    return Mono.error(new GoalCurrencyMismatchException(
                                            goal.currency(), target.currency().getCurrencyCode()));
                                }
                                return allocations
                                        .othersOf(userId, goal.currency(), goalId)
                                        .flatMap(others -> store(goal, monthly, autoTransfer, target, others));
                            });
                });
        return inTransaction.transactional(work);
    }

    /** Removes the goal's allocation (and so its automatic transfer); nothing to remove is fine. */
    Mono<Void> remove(UUID userId, UUID goalId) {
        Mono<Void> work = goals.lockOwned(goalId, userId)
                .switchIfEmpty(Mono.error(() -> new GoalNotFoundException(goalId)))
                .flatMap(goal -> allocations.delete(goal.id()));
        return inTransaction.transactional(work);
    }

    private Mono<AllocationResponse> store(
            Goal goal,
            Money monthly,
            boolean autoTransfer,
            PlanSavingsTargets.SavingsTarget target,
            List<BigDecimal> others) {
        int digits = goal.fractionDigits();
        if (!SavingsAllocations.fits(target.amount(), others, monthly.amount())) {
            throw new GoalAllocationExceedsSavingsException(
                    target.month(),
                    target.amount().toPlainString(),
                    SavingsAllocations.available(target.amount(), others)
                            .setScale(digits)
                            .toPlainString(),
                    goal.currency());
        }
        GoalAllocation allocation = new GoalAllocation(
                goal.id(),
                goal.userId(),
                monthly.amount(),
                goal.currency(),
                autoTransfer,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<BigDecimal> all = new ArrayList<>(others);
        all.add(monthly.amount());
        BigDecimal allocated = all.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return allocations
                .save(allocation)
                .thenReturn(new AllocationResponse(
                        goal.id(),
                        monthly.amountText(),
                        goal.currency(),
                        autoTransfer,
                        target.month(),
                        target.amount().toPlainString(),
                        allocated.setScale(digits).toPlainString(),
                        SavingsAllocations.available(target.amount(), all)
                                .setScale(digits)
                                .toPlainString()));
    }

    private static Money parse(String amount, String currency) {
        try {
            return Money.parse(amount, currency);
        } catch (InvalidMoneyException e) {
            throw new InvalidGoalException("monthlyAmount", e.getMessage());
        }
    }
}
