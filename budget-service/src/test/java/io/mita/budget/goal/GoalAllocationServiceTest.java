package io.mita.budget.goal;

import static io.mita.budget.goal.GoalFixtures.aDraft;
import static io.mita.budget.goal.GoalFixtures.euros;
import static io.mita.budget.goal.GoalServiceTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.RecordingOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Allocating the plan's savings target to goals, on in-memory fakes, in March 2026. */
class GoalAllocationServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private final InMemoryGoals goals = new InMemoryGoals();
    private final InMemoryGoalContributions contributions = new InMemoryGoalContributions();
    private final InMemoryGoalAllocations allocations = new InMemoryGoalAllocations(goals, contributions);
    private final InMemoryPlanSavingsTargets plans = new InMemoryPlanSavingsTargets();
    private final GoalPublisher publisher = new GoalPublisher(new RecordingOutbox());
    private final GoalService service =
            new GoalService(goals, contributions, publisher, new InlineTransactions(), CLOCK);
    private final GoalContributionService contributing =
            new GoalContributionService(goals, contributions, publisher, new InlineTransactions(), CLOCK);
    private final GoalAllocationService allocating =
            new GoalAllocationService(goals, allocations, plans, new InlineTransactions(), CLOCK);
    private final UUID ann = UUID.randomUUID();

    @Test
    void anAllocationWithinTheSavingsTargetIsStoredWithWhatIsLeft() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID first = created();
        UUID second = created();
        allocating.allocate(ann, first, "200", false).block();

        AllocationResponse response =
                allocating.allocate(ann, second, "250.00", true).block();

        assertThat(response.monthlyAmount()).isEqualTo("250.00");
        assertThat(response.month()).isEqualTo(MARCH);
        assertThat(response.savingsTarget()).isEqualTo("500.00");
        assertThat(response.allocated()).isEqualTo("450.00");
        assertThat(response.available()).isEqualTo("50.00");
        assertThat(allocations.row(second).autoTransfer()).isTrue();
        assertThat(allocations.row(second).monthlyAmount()).isEqualByComparingTo("250.00");
    }

    @Test
    void allocationsBeyondTheSavingsTargetAreRefusedWith422() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID first = created();
        UUID second = created();
        allocating.allocate(ann, first, "300.00", false).block();

        assertProblem(
                () -> allocating.allocate(ann, second, "200.01", false).block(),
                422,
                "GOAL_ALLOCATION_EXCEEDS_SAVINGS");
        assertThat(allocations.row(second)).isNull();
    }

    @Test
    void changingAGoalsOwnAllocationReplacesItRatherThanAddingToIt() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID goal = created();
        allocating.allocate(ann, goal, "400.00", false).block();

        AllocationResponse response =
                allocating.allocate(ann, goal, "500.00", true).block();

        assertThat(response.allocated()).isEqualTo("500.00");
        assertThat(response.available()).isEqualTo("0.00");
    }

    @Test
    void completedGoalsNoLongerHoldTheirAllocation() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID done = created();
        UUID next = created();
        allocating.allocate(ann, done, "500.00", false).block();
        service.complete(ann, done).block();

        assertThat(allocating.allocate(ann, next, "500.00", false).block().allocated())
                .isEqualTo("500.00");
    }

    @Test
    void withoutAPlanForTheMonthThereIsNothingToAllocate() {
        plans.plan(ann, MARCH.minusMonths(1), "EUR", "500.00");
        UUID goal = created();

        assertProblem(() -> allocating.allocate(ann, goal, "10.00", false).block(), 422, "GOAL_NO_PLAN");
    }

    @Test
    void aPlanInAnotherCurrencyIsRefusedWith422() {
        plans.plan(ann, MARCH, "USD", "500.00");
        UUID goal = created();

        assertProblem(() -> allocating.allocate(ann, goal, "10.00", false).block(), 422, "GOAL_CURRENCY_MISMATCH");
    }

    @Test
    void aCompletedGoalTakesNoAllocation() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID goal = created();
        contributing.contribute(ann, goal, euros("1200.00"), null).block();

        assertProblem(() -> allocating.allocate(ann, goal, "10.00", false).block(), 409, "GOAL_ALREADY_COMPLETED");
    }

    @Test
    void anAmountOfZeroOrWithTooManyDecimalsIs400() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID goal = created();

        assertProblem(() -> allocating.allocate(ann, goal, "0", false).block(), 400, "VALIDATION_FAILED");
        assertProblem(() -> allocating.allocate(ann, goal, "1.001", false).block(), 400, "VALIDATION_FAILED");
    }

    @Test
    void anotherUsersGoalIsNotFound() {
        UUID bob = UUID.randomUUID();
        plans.plan(bob, MARCH, "EUR", "500.00");
        UUID goal = created();

        assertProblem(() -> allocating.allocate(bob, goal, "10.00", false).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> allocating.remove(bob, goal).block(), 404, "GOAL_NOT_FOUND");
    }

    @Test
    void removingAnAllocationFreesItsShare() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID first = created();
        UUID second = created();
        allocating.allocate(ann, first, "500.00", true).block();

        allocating.remove(ann, first).block();

        assertThat(allocations.row(first)).isNull();
        assertThat(allocating.allocate(ann, second, "500.00", false).block().available())
                .isEqualTo("0.00");
    }

    private UUID created() {
        return service.create(ann, aDraft("1200.00", LocalDate.of(2026, 12, 31)))
                .block()
                .id();
    }
}
