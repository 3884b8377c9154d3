package io.mita.budget.plan;

import io.mita.budget.category.CategoryKind;
import io.mita.budget.category.CategoryKinds;
import io.mita.budget.redistribution.CategoryMonth;
import io.mita.budget.redistribution.CategoryRole;
import io.mita.budget.redistribution.DailySpread;
import io.mita.budget.redistribution.MonthLedger;
import io.mita.budget.redistribution.RedistributionOutcome;
import io.mita.budget.redistribution.Redistributor;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Spring side of redistribution (the rules are {@link Redistributor}'s): under the plan's row lock it loads
 * the month's ledger (persisted daily allocations and spending), runs the algorithm as of today (UTC), stores
 * the new daily allocations, records the run when it moved something or found a shortfall, and publishes the
 * 80 and 100 % thresholds each category reached, once. Every method runs inside the caller's database
 * transaction; a month without a plan is left alone (docs/budget.md, "Redistribution wiring").
 */
@Component
class Rebalancing implements SpendingChanges {

    /** Ledger keys of the plan's protected money; upper case, so no category key (always lower case) can clash. */
    static final String COMMITMENTS = "COMMITMENTS";

    static final String SAVINGS = "SAVINGS";
    static final int[] THRESHOLDS = {80, 100};

    private final Plans plans;
    private final MonthCells cells;
    private final RedistributionRuns runs;
    private final CategoryKinds categoryKinds;
    private final PlanPublisher publisher;
    private final Redistributor redistributor = new Redistributor();
    private final Clock clock;

    Rebalancing(
            Plans plans,
            MonthCells cells,
            RedistributionRuns runs,
            CategoryKinds categoryKinds,
            PlanPublisher publisher,
            Clock clock) {
        this.plans = plans;
        this.cells = cells;
        this.runs = runs;
        this.categoryKinds = categoryKinds;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Each month of the days in ascending order, so two requests lock two plans in the same order. */
    @Override
    public Mono<Void> changed(UUID userId, Collection<LocalDate> days) {
        Set<YearMonth> months = new TreeSet<>();
        days.forEach(day -> months.add(YearMonth.from(day)));
        return Flux.fromIterable(months)
                .concatMap(month -> run(userId, month, RedistributionRun.Trigger.SPENDING_CHANGED))
                .then();
    }

    /** Locks the month's plan and redistributes it; empty when the month has no plan. */
    Mono<RedistributionRun> run(UUID userId, YearMonth month, RedistributionRun.Trigger trigger) {
        return plans.lock(userId, month).flatMap(plan -> redistribute(plan, trigger, false));
    }

    /**
     * Redistributes a plan whose row the caller holds locked (it has just written it). {@code fresh}: start from
     * the plan's own spread instead of the persisted daily allocations (the plan changed).
     */
    Mono<RedistributionRun> redistribute(Plan plan, RedistributionRun.Trigger trigger, boolean fresh) {
        UUID userId = plan.userId();
        YearMonth month = plan.month();
        return cells.reading(userId, month, plan.currency())
                .flatMap(read ->
                        read.kinds().isEmpty() ? categoryKinds.kinds(userId).map(read::withKinds) : Mono.just(read))
                .flatMap(read -> {
                    Map<String, long[]> persisted = fresh ? Map.of() : read.allocations();
                    MonthLedger ledger = ledger(plan, persisted, read.spending(), read.kinds());
                    LocalDate today = LocalDate.now(clock);
                    RedistributionOutcome outcome = redistributor.redistribute(ledger, today);
                    RedistributionRun run = new RedistributionRun(
                            UUID.randomUUID(),
                            userId,
                            month,
                            trigger,
                            today,
                            outcome.balanced(),
                            outcome.shortfall(),
                            clock.instant().truncatedTo(ChronoUnit.MICROS),
                            outcome.moves());
                    boolean changed = fresh
                            || !outcome.moves().isEmpty()
                            || !persisted.keySet().equals(plannedKeys(ledger));
                    Map<String, long[]> after = plannedByCategory(outcome.after());
                    boolean recorded = worthRecording(run);
                    Mono<Void> store;
                    if (!changed) {
                        store = recorded ? runs.record(run) : Mono.empty();
                    } else if (fresh) {
                        store = cells.replaceAllocations(userId, month, after)
                                .then(recorded ? runs.record(run) : Mono.empty());
                    } else {
                        // a spending change that moved money: the changed cells and the run in one statement
                        store = recorded
                                ? runs.recordWithAllocations(run, persisted, after, cells)
                                : cells.changeAllocations(userId, month, persisted, after);
                    }
                    Mono<Void> published = recorded ? publisher.redistributed(run, plan.currency()) : Mono.empty();
                    return store.then(published)
                            .then(thresholds(plan, read.spending(), read.claimedThresholds()))
                            .thenReturn(run);
                });
    }

    /** A run that moved nothing and found no shortfall explains nothing: it is neither stored nor published. */
    static boolean worthRecording(RedistributionRun run) {
        return !run.moves().isEmpty() || run.shortfall() > 0;
    }

    /**
     * The month as the algorithm sees it: every category of the plan and every category with spending (a
     * category without an allocation has a plan of 0 and its spending is covered like any overspending), plus
     * the plan's commitments and savings target when released. A category's days start from the persisted
     * daily allocations, else from the {@link DailySpread} of its allocation.
     */
    static MonthLedger ledger(
            Plan plan, Map<String, long[]> persisted, Map<String, long[]> spending, Map<String, CategoryKind> kinds) {
        YearMonth month = plan.month();
        int days = month.lengthOfMonth();
        Map<String, long[]> planned = new LinkedHashMap<>();
        Map<String, Integer> priority = new LinkedHashMap<>();
        for (int i = 0; i < plan.allocations().size(); i++) {
            Plan.Allocation allocation = plan.allocations().get(i);
            planned.put(
                    allocation.category(),
                    persisted.containsKey(allocation.category())
                            ? persisted.get(allocation.category())
                            : spread(allocation, month));
            priority.put(allocation.category(), i);
        }
        persisted.forEach(planned::putIfAbsent);
        spending.keySet().forEach(category -> planned.putIfAbsent(category, new long[days]));
        Set<CategoryRole> releasable = EnumSet.noneOf(CategoryRole.class);
        if (plan.releaseCommitments()) {
            releasable.add(CategoryRole.FIXED_COMMITMENT);
            if (!planned.containsKey(COMMITMENTS)) {
                planned.put(COMMITMENTS, DailySpread.even().spread(plan.commitmentsTotal(), month));
            }
        }
        if (plan.releaseSavings()) {
            releasable.add(CategoryRole.SAVINGS);
            if (!planned.containsKey(SAVINGS)) {
                planned.put(SAVINGS, DailySpread.even().spread(plan.savingsTarget(), month));
            }
        }
        List<CategoryMonth> categories = new ArrayList<>();
        planned.forEach((category, amounts) -> categories.add(new CategoryMonth(
                category,
                role(category, kinds),
                priority.getOrDefault(category, plan.allocations().size()),
                amounts,
                spending.getOrDefault(category, new long[days]))));
        return new MonthLedger(month, categories, releasable);
    }

    static long[] spread(Plan.Allocation allocation, YearMonth month) {
        if (allocation.weekdayWeights() == null) {
            return DailySpread.even().spread(allocation.amount(), month);
        }
        Map<DayOfWeek, Integer> weights = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weights.put(day, allocation.weightOf(day));
        }
        return DailySpread.byWeekday(weights).spread(allocation.amount(), month);
    }

    private static CategoryRole role(String category, Map<String, CategoryKind> kinds) {
        if (category.equals(COMMITMENTS)) {
            return CategoryRole.FIXED_COMMITMENT;
        }
        if (category.equals(SAVINGS)) {
            return CategoryRole.SAVINGS;
        }
        return kinds.get(category) == CategoryKind.ESSENTIAL ? CategoryRole.ESSENTIAL : CategoryRole.DISCRETIONARY;
    }

    private static Set<String> plannedKeys(MonthLedger ledger) {
        Set<String> keys = new TreeSet<>();
        ledger.categories().forEach(category -> keys.add(category.category()));
        return keys;
    }

    private static Map<String, long[]> plannedByCategory(MonthLedger ledger) {
        Map<String, long[]> planned = new LinkedHashMap<>();
        ledger.categories().forEach(category -> planned.put(category.category(), category.planned()));
        return planned;
    }

    /**
     * Claims and publishes each threshold a category's month spending reached against its allocation in the
     * plan (categories allocated 0 have no thresholds). The claim row makes it once-only; those the month's
     * reading found claimed before (read under the plan's lock, which every claim of the month is made under)
     * are not claimed again, so a month past its thresholds costs no statement for them.
     */
    private Mono<Void> thresholds(
            Plan plan, Map<String, long[]> spending, Set<RedistributionRuns.Threshold> claimedBefore) {
        List<ThresholdReached> reached = new ArrayList<>();
        for (Plan.Allocation allocation : plan.allocations()) {
            if (allocation.amount() <= 0) {
                continue;
            }
            long spent = 0;
            for (long day : spending.getOrDefault(allocation.category(), new long[0])) {
                spent += day;
            }
            for (int percent : THRESHOLDS) {
                if (claimedBefore.contains(new RedistributionRuns.Threshold(allocation.category(), percent))) {
                    continue;
                }
                if (Math.multiplyExact(spent, 100L) >= Math.multiplyExact(allocation.amount(), (long) percent)) {
                    reached.add(new ThresholdReached(
                            plan.userId(),
                            plan.month().toString(),
                            allocation.category(),
                            percent,
                            PlanAmounts.toText(allocation.amount(), plan.currency()),
                            PlanAmounts.toText(spent, plan.currency()),
                            plan.currency().getCurrencyCode()));
                }
            }
        }
        if (reached.isEmpty()) {
            return Mono.empty();
        }
        List<RedistributionRuns.Threshold> claims = new ArrayList<>();
        reached.forEach(
                threshold -> claims.add(new RedistributionRuns.Threshold(threshold.category(), threshold.percent())));
        return runs.claimThresholds(
                        plan.userId(), plan.month(), claims, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .collectList()
                .flatMapMany(claimed -> Flux.fromIterable(reached)
                        .filter(threshold -> claimed.contains(
                                new RedistributionRuns.Threshold(threshold.category(), threshold.percent())))
                        .concatMap(publisher::thresholdReached))
                .then();
    }
}
