package io.mita.budget.plan;

import io.mita.budget.category.KnownCategories;
import io.mita.budget.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The plan use cases. Every change of a plan is one database transaction that holds the plan row (and with it
 * the per-user-month lock), its event, and the fresh daily allocations redistributed against the month's
 * spending so far.
 */
@Service
class PlanService {

    /** How many runs GET .../redistributions answers, newest first. */
    static final int RUNS_LISTED = 50;

    private final Plans plans;
    private final KnownCategories categories;
    private final Rebalancing rebalancing;
    private final RedistributionRuns runs;
    private final PlanPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    PlanService(
            Plans plans,
            KnownCategories categories,
            Rebalancing rebalancing,
            RedistributionRuns runs,
            PlanPublisher publisher,
            TransactionalOperator inTransaction,
            Clock clock) {
        this.plans = plans;
        this.categories = categories;
        this.rebalancing = rebalancing;
        this.runs = runs;
        this.publisher = publisher;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    /** A plan and whether this request created it. */
    record Saved(Plan plan, boolean created) {}

    /** What {@code If-Match} said: nothing, {@code *} (any current version), or one version. */
    record Precondition(boolean given, Long version) {

        static final Precondition NONE = new Precondition(false, null);
        static final Precondition ANY = new Precondition(true, null);

        static Precondition version(long version) {
            return new Precondition(true, version);
        }
    }

    Mono<Plan> get(UUID userId, YearMonth month) {
        return plans.find(userId, month).switchIfEmpty(Mono.error(() -> new PlanNotFoundException(month)));
    }

    /**
     * Creates or replaces the month's plan. A new plan needs no If-Match (with one it is 412: there is no
     * version to match); an existing plan needs one (428 without, 412 when stale). Categories must be the
     * user's active ones (422), allocations must fit income minus commitments and savings unless
     * allowOverAllocation (422). A PUT that changes nothing writes and publishes nothing.
     */
    Mono<Saved> put(UUID userId, YearMonth month, Plan stated, Precondition precondition) {
        Mono<Saved> work = withCategoryKeys(userId, stated).flatMap(content -> {
            checkAllocation(content);
            return plans.lock(userId, month)
                    .map(current -> java.util.Optional.of(current))
                    .defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(current -> current.isPresent()
                            ? replace(current.get(), content, precondition)
                            : create(userId, month, content, precondition));
        });
        return inTransaction.transactional(publisher.together(work));
    }

    private Mono<Saved> create(UUID userId, YearMonth month, Plan content, Precondition precondition) {
        if (precondition.given()) {
            return Mono.error(new PlanVersionMismatchException(month));
        }
        Instant now = now();
        Plan plan = new Plan(
                UUID.randomUUID(),
                userId,
                month,
                content.currency(),
                content.income(),
                content.savingsTarget(),
                content.commitments(),
                content.allocations(),
                content.allowOverAllocation(),
                content.releaseCommitments(),
                content.releaseSavings(),
                now,
                now,
                null);
        return plans.insert(plan)
                .switchIfEmpty(Mono.error(() -> new PlanVersionMismatchException(month)))
                .flatMap(this::announce)
                .map(saved -> new Saved(saved, true));
    }

    private Mono<Saved> replace(Plan current, Plan content, Precondition precondition) {
        if (!precondition.given()) {
            return Mono.error(new PlanPreconditionRequiredException(current.month()));
        }
        if (precondition.version() != null && !precondition.version().equals(current.version())) {
            return Mono.error(new PlanVersionMismatchException(current.month()));
        }
        if (current.sameContentAs(content)) {
            return Mono.just(new Saved(current, false));
        }
        return plans.update(current.replacedBy(content, now()))
                .switchIfEmpty(Mono.error(() -> new PlanVersionMismatchException(current.month())))
                .flatMap(this::announce)
                .map(saved -> new Saved(saved, false));
    }

    /**
     * Copies the previous month's plan to this month (a new plan; 409 when the month has one, 404 when the
     * previous month has none; a category archived since is 422 UNKNOWN_CATEGORY).
     */
    Mono<Plan> copyPrevious(UUID userId, YearMonth month) {
        YearMonth previous = month.minusMonths(1);
        Mono<Plan> work = plans.find(userId, previous)
                .switchIfEmpty(Mono.error(() -> new PlanNotFoundException(previous)))
                .flatMap(source -> withCategoryKeys(userId, source))
                .flatMap(source -> plans.insert(source.copiedTo(month, UUID.randomUUID(), now()))
                        .switchIfEmpty(Mono.error(() -> new PlanAlreadyExistsException(month))))
                .flatMap(this::announce);
        return inTransaction.transactional(publisher.together(work));
    }

    /** A suggested (not stored) plan from an income and the default categories. */
    Plan suggestion(UUID userId, YearMonth month, String income, String currencyCode) {
        java.util.Currency currency;
        long minor;
        try {
            currency = Money.currency(currencyCode);
            minor = PlanAmounts.toMinor(income, currency);
        } catch (io.mita.budget.money.InvalidMoneyException e) {
            throw new InvalidPlanRequestException(
                    e.part() == io.mita.budget.money.InvalidMoneyException.Part.AMOUNT ? "income" : "currency",
                    e.getMessage());
        }
        return PlanSuggestion.suggest(userId, month, minor, currency);
    }

    /** Redistributes the month now; 404 when it has no plan. */
    Mono<Redistributed> redistribute(UUID userId, YearMonth month) {
        Mono<Redistributed> work = plans.lock(userId, month)
                .switchIfEmpty(Mono.error(() -> new PlanNotFoundException(month)))
                .flatMap(plan -> rebalancing
                        .redistribute(plan, RedistributionRun.Trigger.ON_DEMAND, false)
                        .map(run -> new Redistributed(plan, run)));
        return inTransaction.transactional(publisher.together(work));
    }

    record Redistributed(Plan plan, RedistributionRun run) {}

    /** The month's recorded runs, newest first; 404 when it has no plan. */
    Mono<Runs> runs(UUID userId, YearMonth month) {
        return get(userId, month)
                .flatMap(plan ->
                        runs.list(userId, month, RUNS_LISTED).collectList().map(list -> new Runs(plan, list)));
    }

    record Runs(Plan plan, List<RedistributionRun> runs) {}

    private Mono<Plan> announce(Plan saved) {
        return publisher
                .updated(saved)
                .then(rebalancing.redistribute(saved, RedistributionRun.Trigger.PLAN_CHANGED, true))
                .thenReturn(saved);
    }

    /** The plan with each allocation naming the key of the user's active category it names (422 otherwise). */
    private Mono<Plan> withCategoryKeys(UUID userId, Plan plan) {
        return Flux.fromIterable(plan.allocations())
                .concatMap(allocation -> categories
                        .activeKey(userId, allocation.category())
                        .map(key -> new Plan.Allocation(key, allocation.amount(), allocation.weekdayWeights())))
                .collectList()
                .map(resolved -> withAllocations(plan, resolved));
    }

    private static Plan withAllocations(Plan plan, List<Plan.Allocation> allocations) {
        return new Plan(
                plan.id(),
                plan.userId(),
                plan.month(),
                plan.currency(),
                plan.income(),
                plan.savingsTarget(),
                plan.commitments(),
                new ArrayList<>(allocations),
                plan.allowOverAllocation(),
                plan.releaseCommitments(),
                plan.releaseSavings(),
                plan.createdAt(),
                plan.updatedAt(),
                plan.version());
    }

    private static void checkAllocation(Plan plan) {
        if (!plan.allowOverAllocation() && plan.allocatedTotal() > plan.available()) {
            throw new PlanOverAllocatedException(
                    PlanAmounts.toText(plan.allocatedTotal(), plan.currency()),
                    plan.available() < 0
                            ? "-" + PlanAmounts.toText(-plan.available(), plan.currency())
                            : PlanAmounts.toText(plan.available(), plan.currency()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
