package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The automatic monthly transfer from the plan's savings into goals (docs/budget.md, "Goals", "Plan savings").
 * Run by {@link GoalTransferSchedule}. Per user one database transaction: lock the month's plan (none: the
 * user is tried again on the next run), read the allocations of ACTIVE goals with an automatic transfer, pick
 * what fits the savings target ({@link SavingsAllocations#payable}), and for each goal (row locked) that has
 * no transfer for the month yet add a contribution of its allocation, at most what remains of its target,
 * with the usual events. The unique index {@code goal_contribution_one_transfer_a_month} makes a second
 * transfer for the same goal and month impossible whatever runs concurrently.
 */
@Service
class MonthlyGoalTransfers {

    private static final Logger log = LoggerFactory.getLogger(MonthlyGoalTransfers.class);

    private final GoalRepository goals;
    private final GoalContributions contributions;
    private final GoalAllocations allocations;
    private final PlanSavingsTargets plans;
    private final GoalPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    MonthlyGoalTransfers(
            GoalRepository goals,
            GoalContributions contributions,
            GoalAllocations allocations,
            PlanSavingsTargets plans,
            GoalPublisher publisher,
            TransactionalOperator inTransaction,
            Clock clock) {
        this.goals = goals;
        this.contributions = contributions;
        this.allocations = allocations;
        this.plans = plans;
        this.publisher = publisher;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    /** Makes the transfers due in the month of {@code today}; answers how many contributions it made. */
    Mono<Long> transferDue(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        return allocations
                .usersWithTransfersDue(month)
                .concatMap(user -> inTransaction
                        .transactional(transfersOf(user, month).count())
                        .onErrorResume(e -> {
                            log.warn("automatic goal transfers of a user failed, retried on the next run", e);
                            return Mono.just(0L);
                        }))
                .reduce(0L, Long::sum);
    }

    private Flux<GoalContribution> transfersOf(UUID userId, LocalDate month) {
        return plans.lock(userId, YearMonth.from(month))
                .flatMapMany(target -> allocations
                        .autoTransfersOf(userId)
                        .filter(a -> a.currency().equals(target.currency().getCurrencyCode()))
                        .collectList()
                        .flatMapMany(list -> {
                            Set<UUID> payable = Set.copyOf(SavingsAllocations.payable(
                                    target.amount(),
                                    list.stream()
                                            .map(a -> new SavingsAllocations.Allocation(a.goalId(), a.monthlyAmount()))
                                            .toList()));
                            List<GoalAllocation> paid = list.stream()
                                    .filter(a -> payable.contains(a.goalId()))
                                    .toList();
                            return Flux.fromIterable(paid).concatMap(a -> transfer(a, month));
                        }));
    }

    private Mono<GoalContribution> transfer(GoalAllocation allocation, LocalDate month) {
        return goals.lockOwned(allocation.goalId(), allocation.userId())
                .filter(goal -> goal.status() == GoalStatus.ACTIVE)
                .flatMap(goal -> contributions
                        .transferOf(goal.id(), month)
                        .hasElement()
                        .flatMap(done -> done ? Mono.empty() : pay(goal, allocation, month)));
    }

    private Mono<GoalContribution> pay(Goal goal, GoalAllocation allocation, LocalDate month) {
        BigDecimal amount = allocation.monthlyAmount().min(goal.progress().remaining());
        if (amount.signum() <= 0) {
            return Mono.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Money money = new Money(amount, goal.currencyUnit());
        Goal after = goal.contributed(money, now);
        GoalContribution contribution = new GoalContribution(
                UUID.randomUUID(),
                goal.id(),
                goal.userId(),
                money.amount(),
                money.currencyCode(),
                null,
                ContributionSource.AUTO_TRANSFER,
                null,
                null,
                month,
                now);
        return goals.save(after)
                .flatMap(saved -> contributions
                        .insert(contribution)
                        .then(publisher.contributionAdded(saved, contribution))
                        .then(publisher.completedIfNewly(goal, saved, GoalCompleted.TARGET_REACHED))
                        .thenReturn(contribution));
    }
}
