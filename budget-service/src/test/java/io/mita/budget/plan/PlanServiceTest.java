package io.mita.budget.plan;

import static io.mita.budget.plan.PlanFixtures.aPlan;
import static io.mita.budget.plan.PlanFixtures.allocation;
import static io.mita.budget.plan.PlanFixtures.plan;
import static io.mita.budget.plan.PlanFixtures.sum;
import static io.mita.budget.plan.PlanFixtures.with;
import static io.mita.budget.plan.PlanFixtures.withAllocations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.category.CategoryKind;
import io.mita.budget.category.UnknownCategoryException;
import io.mita.budget.redistribution.MoveReason;
import io.mita.budget.support.InlineTransactions;
import io.mita.budget.support.RecordingOutbox;
import io.mita.common.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The plan use cases and the redistribution wiring on in-memory stores (the real Redistributor and DailySpread):
 * If-Match rules, allocation rules, copy forward, daily allocations, runs and thresholds. Today is 25 February
 * 2026, so every day of March is open (one test moves today into March to see the closed days roll forward).
 */
class PlanServiceTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-25T08:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPlans plans = new InMemoryPlans();
    private final InMemoryMonthCells cells = new InMemoryMonthCells();
    private final InMemoryRedistributionRuns runs = new InMemoryRedistributionRuns();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final Set<String> active = new java.util.HashSet<>(Set.of("groceries", "dining", "transport", "coffee"));
    private final Map<String, CategoryKind> kinds = new HashMap<>(Map.of(
            "groceries", CategoryKind.ESSENTIAL,
            "transport", CategoryKind.ESSENTIAL,
            "dining", CategoryKind.DISCRETIONARY,
            "coffee", CategoryKind.DISCRETIONARY));
    private final PlanPublisher publisher = new PlanPublisher(outbox);
    private final Rebalancing rebalancing =
            new Rebalancing(plans, cells, runs, user -> Mono.just(kinds), publisher, CLOCK);
    private final PlanService service = new PlanService(
            plans,
            (user, category) -> {
                String key = category.strip().toLowerCase(Locale.ROOT);
                return active.contains(key) ? Mono.just(key) : Mono.error(new UnknownCategoryException(category));
            },
            rebalancing,
            runs,
            publisher,
            new InlineTransactions(),
            CLOCK);
    private final UUID alice = UUID.randomUUID();

    @Test
    void aNewPlanIsCreatedWithoutIfMatchPublishedAndSpreadEvenlyOverItsDays() {
        PlanService.Saved saved = put(aPlan(alice, MARCH), PlanService.Precondition.NONE);

        assertThat(saved.created()).isTrue();
        assertThat(saved.plan().version()).isZero();
        assertThat(outbox.types()).containsExactly(PlanPublisher.UPDATED);
        long[] groceries = cells.stored(alice, MARCH).get("groceries");
        assertThat(groceries).hasSize(31);
        assertThat(sum(groceries)).isEqualTo(40_000);
        assertThat(groceries[0]).isBetween(1290L, 1291L);
        assertThat(runs.all()).as("nothing spent, nothing moved").isEmpty();
    }

    @Test
    void weekdayWeightsSpreadMoreOnTheHeavierDays() {
        Plan weighted = withAllocations(
                aPlan(alice, MARCH), List.of(new Plan.Allocation("groceries", 40_000, List.of(1, 1, 1, 1, 1, 2, 2))));

        put(weighted, PlanService.Precondition.NONE);

        long[] groceries = cells.stored(alice, MARCH).get("groceries");
        // March 2026: 22 weekdays and 9 weekend days, 40 shares of 10.00
        assertThat(groceries[1]).as("Monday 2 March").isEqualTo(1_000);
        assertThat(groceries[6]).as("Saturday 7 March").isEqualTo(2_000);
        assertThat(groceries[0]).as("Sunday 1 March").isEqualTo(2_000);
    }

    @Test
    void changingAnExistingPlanWithoutIfMatchIs428() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);

        assertCode(() -> put(aPlan(alice, MARCH), PlanService.Precondition.NONE), 428, "PLAN_PRECONDITION_REQUIRED");
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneOrStarReplacesThePlan() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);
        Plan richer = plan(alice, MARCH, 300_000, 30_000, List.of(), List.of(allocation("groceries", 50_000)));

        PlanService.Saved replaced = put(richer, PlanService.Precondition.version(0));
        assertCode(() -> put(aPlan(alice, MARCH), PlanService.Precondition.version(0)), 412, "PLAN_VERSION_MISMATCH");
        PlanService.Saved again = put(aPlan(alice, MARCH), PlanService.Precondition.ANY);

        assertThat(replaced.created()).isFalse();
        assertThat(replaced.plan().version()).isEqualTo(1);
        assertThat(replaced.plan().income()).isEqualTo(300_000);
        assertThat(again.plan().version()).isEqualTo(2);
        assertThat(sum(cells.stored(alice, MARCH).get("groceries"))).isEqualTo(40_000);
        assertThat(outbox.types()).containsExactly(PlanPublisher.UPDATED, PlanPublisher.UPDATED, PlanPublisher.UPDATED);
    }

    @Test
    void aChangeByAnotherRequestBetweenReadAndWriteIs412() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);
        plans.changeByAnotherRequest(alice, MARCH);

        assertCode(() -> put(aPlan(alice, MARCH), PlanService.Precondition.version(0)), 412, "PLAN_VERSION_MISMATCH");
    }

    @Test
    void anIfMatchForAPlanThatDoesNotExistIs412() {
        assertCode(() -> put(aPlan(alice, MARCH), PlanService.Precondition.version(0)), 412, "PLAN_VERSION_MISMATCH");
        assertThat(plans.row(alice, MARCH)).isNull();
    }

    @Test
    void aPutThatChangesNothingWritesAndPublishesNothing() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);

        PlanService.Saved same = put(aPlan(alice, MARCH), PlanService.Precondition.version(0));

        assertThat(same.plan().version()).isZero();
        assertThat(outbox.types()).containsExactly(PlanPublisher.UPDATED);
    }

    @Test
    void allocationsAboveIncomeMinusCommitmentsAndSavingsAre422UnlessDeliberate() {
        // 2,500 - 900 - 300 leaves 1,300
        Plan over = withAllocations(aPlan(alice, MARCH), List.of(allocation("groceries", 130_001)));

        assertThatThrownBy(() -> put(over, PlanService.Precondition.NONE))
                .isInstanceOfSatisfying(PlanOverAllocatedException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("PLAN_OVER_ALLOCATED");
                    assertThat(e.detail()).contains("1300.01").contains("1300.00");
                });
        assertThat(plans.row(alice, MARCH)).isNull();
        assertThat(outbox.types()).isEmpty();

        assertThat(put(with(over, true, false, false), PlanService.Precondition.NONE)
                        .created())
                .isTrue();
    }

    @Test
    void allocationsExactlyUsingWhatIsLeftAreAccepted() {
        Plan exact = withAllocations(aPlan(alice, MARCH), List.of(allocation("groceries", 130_000)));

        assertThat(put(exact, PlanService.Precondition.NONE).created()).isTrue();
    }

    @Test
    void anUnknownOrArchivedCategoryIs422AndCategoriesAreStoredByKey() {
        Plan unknown = withAllocations(aPlan(alice, MARCH), List.of(allocation("travel", 100)));
        assertCode(() -> put(unknown, PlanService.Precondition.NONE), 422, "UNKNOWN_CATEGORY");

        Plan named = withAllocations(aPlan(alice, MARCH), List.of(allocation(" Groceries", 100)));
        assertThat(put(named, PlanService.Precondition.NONE).plan().allocations())
                .extracting(Plan.Allocation::category)
                .containsExactly("groceries");
    }

    @Test
    void copyPreviousCopiesLastMonthsPlanForwardAsANewPlan() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);

        Plan april = service.copyPrevious(alice, MARCH.plusMonths(1)).block();

        assertThat(april.month()).isEqualTo(MARCH.plusMonths(1));
        assertThat(april.version()).isZero();
        assertThat(april.sameContentAs(plans.row(alice, MARCH))).isTrue();
        assertThat(sum(cells.stored(alice, MARCH.plusMonths(1)).get("dining"))).isEqualTo(15_000);
        assertThat(outbox.types()).containsExactly(PlanPublisher.UPDATED, PlanPublisher.UPDATED);
        assertCode(() -> service.copyPrevious(alice, MARCH.plusMonths(1)).block(), 409, "PLAN_ALREADY_EXISTS");
        assertCode(() -> service.copyPrevious(alice, MARCH.minusMonths(5)).block(), 404, "PLAN_NOT_FOUND");
    }

    @Test
    void copyPreviousRefusesACategoryArchivedSince() {
        put(withAllocations(aPlan(alice, MARCH), List.of(allocation("coffee", 100))), PlanService.Precondition.NONE);
        active.remove("coffee");

        assertCode(() -> service.copyPrevious(alice, MARCH.plusMonths(1)).block(), 422, "UNKNOWN_CATEGORY");
    }

    @Test
    void anotherUsersPlanIsNotFound() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);

        assertCode(() -> service.get(UUID.randomUUID(), MARCH).block(), 404, "PLAN_NOT_FOUND");
    }

    @Test
    void overspendingADayIsCoveredFromTheRestOfTheMonthAndTheRunIsRecordedAndPublished() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);
        long totalBefore = totalPlanned();
        LocalDate today = LocalDate.of(2026, 3, 10); // an open day
        cells.spend(alice, today, "groceries", 5_000);

        rebalancing.changed(alice, List.of(today)).block();

        assertThat(runs.all()).hasSize(1);
        RedistributionRun run = runs.all().get(0);
        assertThat(run.trigger()).isEqualTo(RedistributionRun.Trigger.SPENDING_CHANGED);
        assertThat(run.balanced()).isTrue();
        assertThat(run.moves()).isNotEmpty().allSatisfy(move -> {
            assertThat(move.toDay()).isEqualTo(today);
            assertThat(move.reason()).isEqualTo(MoveReason.OVERSPENDING_COVERED_FROM_SAME_CATEGORY);
        });
        assertThat(cells.stored(alice, MARCH).get("groceries")[9]).isEqualTo(5_000);
        assertThat(totalPlanned()).isEqualTo(totalBefore);
        assertThat(outbox.types()).endsWith(PlanPublisher.REDISTRIBUTED);
    }

    @Test
    void spendingInACategoryWithoutAllocationIsCoveredByTheDiscretionaryOnesFirst() {
        put(
                plan(
                        alice,
                        MARCH,
                        250_000,
                        0,
                        List.of(),
                        List.of(allocation("groceries", 31_000), allocation("dining", 31_000))),
                PlanService.Precondition.NONE);
        LocalDate today = LocalDate.of(2026, 3, 10); // an open day
        cells.spend(alice, today, "transport", 500);

        rebalancing.changed(alice, List.of(today)).block();

        assertThat(runs.all().get(0).moves()).allSatisfy(move -> {
            assertThat(move.fromCategory()).isEqualTo("dining");
            assertThat(move.toCategory()).isEqualTo("transport");
        });
        assertThat(cells.stored(alice, MARCH).get("transport")[9]).isEqualTo(500);
    }

    @Test
    void aMonthThatCannotBeBalancedReportsItsShortfallAndReleasedSavingsCoverIt() {
        Plan tight = plan(alice, MARCH, 100_000, 50_000, List.of(), List.of(allocation("groceries", 3_100)));
        put(tight, PlanService.Precondition.NONE);
        LocalDate today = LocalDate.of(2026, 3, 10); // an open day
        cells.spend(alice, today, "groceries", 10_000);

        rebalancing.changed(alice, List.of(today)).block();
        RedistributionRun unbalanced = runs.all().get(0);

        assertThat(unbalanced.balanced()).isFalse();
        assertThat(unbalanced.shortfall()).isPositive();

        put(with(tight, false, false, true), PlanService.Precondition.version(0));
        RedistributionRun released = runs.all().get(runs.all().size() - 1);
        assertThat(released.trigger()).isEqualTo(RedistributionRun.Trigger.PLAN_CHANGED);
        assertThat(released.balanced()).isTrue();
        assertThat(released.moves()).anyMatch(move -> move.fromCategory().equals(Rebalancing.SAVINGS));
    }

    @Test
    void aPlanMadeMidMonthRollsThePlanOfThePastDaysForwardAndNeverInventsMoney() {
        Clock tenthOfMarch = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
        Rebalancing midMonth = new Rebalancing(plans, cells, runs, user -> Mono.just(kinds), publisher, tenthOfMarch);
        PlanService late = new PlanService(
                plans,
                (user, category) -> Mono.just(category),
                midMonth,
                runs,
                publisher,
                new InlineTransactions(),
                tenthOfMarch);
        cells.spend(alice, LocalDate.of(2026, 3, 3), "groceries", 700);

        late.put(alice, MARCH, aPlan(alice, MARCH), PlanService.Precondition.NONE)
                .block();

        long[] groceries = cells.stored(alice, MARCH).get("groceries");
        assertThat(groceries[2]).as("a closed day keeps what it spent").isEqualTo(700);
        assertThat(groceries[0])
                .as("a closed day without spending gives its plan forward")
                .isZero();
        assertThat(sum(groceries)).isEqualTo(40_000);
        RedistributionRun run = runs.all().get(0);
        assertThat(run.trigger()).isEqualTo(RedistributionRun.Trigger.PLAN_CHANGED);
        assertThat(run.ranOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(run.moves())
                .extracting(io.mita.budget.redistribution.Move::reason)
                .contains(MoveReason.UNDERSPENDING_ROLLED_FORWARD);
        assertThat(run.moves())
                .allSatisfy(move -> assertThat(move.toDay()).isAfterOrEqualTo(LocalDate.of(2026, 3, 10)));
    }

    @Test
    void withoutAPlanASpendingChangeRedistributesNothing() {
        cells.spend(alice, LocalDate.of(2026, 3, 10), "groceries", 5_000);

        rebalancing.changed(alice, List.of(LocalDate.of(2026, 3, 10))).block();

        assertThat(cells.writes()).isZero();
        assertThat(runs.all()).isEmpty();
        assertThat(outbox.types()).isEmpty();
    }

    @Test
    void eachThresholdOfACategoryIsPublishedOnceAMonth() {
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);
        LocalDate today = LocalDate.of(2026, 3, 10); // an open day

        cells.spend(alice, today, "groceries", 31_999);
        rebalancing.changed(alice, List.of(today)).block();
        assertThat(thresholds()).isEmpty();

        cells.spend(alice, today, "groceries", 1);
        rebalancing.changed(alice, List.of(today)).block();
        rebalancing.changed(alice, List.of(today)).block();
        assertThat(thresholds()).extracting(ThresholdReached::percent).containsExactly(80);
        assertThat(thresholds().get(0))
                .isEqualTo(new ThresholdReached(alice, "2026-03", "groceries", 80, "400.00", "320.00", "EUR"));

        cells.spend(alice, today, "groceries", 8_000);
        rebalancing.changed(alice, List.of(today)).block();
        rebalancing.changed(alice, List.of(today)).block();
        assertThat(thresholds()).extracting(ThresholdReached::percent).containsExactly(80, 100);
    }

    @Test
    void onDemandRedistributionAnswersTheRunAndNeedsAPlan() {
        assertCode(() -> service.redistribute(alice, MARCH).block(), 404, "PLAN_NOT_FOUND");
        put(aPlan(alice, MARCH), PlanService.Precondition.NONE);
        cells.spend(alice, LocalDate.of(2026, 3, 2), "dining", 1_000);

        PlanService.Redistributed done = service.redistribute(alice, MARCH).block();

        assertThat(done.run().trigger()).isEqualTo(RedistributionRun.Trigger.ON_DEMAND);
        assertThat(done.run().moves()).isNotEmpty();
        assertThat(service.runs(alice, MARCH).block().runs()).containsExactly(done.run());
    }

    @Test
    void theSuggestionSplitsTheIncomeExactlyAndFitsItsOwnRule() {
        Plan suggested = service.suggestion(alice, MARCH, "2345.67", "EUR");

        assertThat(suggested.savingsTarget() + suggested.allocatedTotal()).isEqualTo(234_567);
        assertThat(suggested.allocatedTotal()).isLessThanOrEqualTo(suggested.available());
        assertThat(suggested.allocation("housing").amount()).isEqualTo(58_642);
        assertCode(() -> service.suggestion(alice, MARCH, "-1", "EUR"), 400, "VALIDATION_FAILED");
        assertCode(() -> service.suggestion(alice, MARCH, "10", "EURO"), 400, "VALIDATION_FAILED");
    }

    private List<ThresholdReached> thresholds() {
        return outbox.payloads(PlanPublisher.THRESHOLD_REACHED, ThresholdReached.class);
    }

    private long totalPlanned() {
        return cells.stored(alice, MARCH).values().stream()
                .mapToLong(PlanFixtures::sum)
                .sum();
    }

    private PlanService.Saved put(Plan plan, PlanService.Precondition precondition) {
        return service.put(alice, MARCH, plan, precondition).block();
    }

    private static void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
