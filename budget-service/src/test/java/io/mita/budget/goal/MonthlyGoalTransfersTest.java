package io.mita.budget.goal;

import static io.mita.budget.goal.GoalFixtures.aDraft;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.RecordingOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The automatic monthly transfer on in-memory fakes. */
class MonthlyGoalTransfersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private final InMemoryGoals goals = new InMemoryGoals();
    private final InMemoryGoalContributions contributions = new InMemoryGoalContributions();
    private final InMemoryGoalAllocations allocations = new InMemoryGoalAllocations(goals, contributions);
    private final InMemoryPlanSavingsTargets plans = new InMemoryPlanSavingsTargets();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final GoalPublisher publisher = new GoalPublisher(outbox);
    private final GoalService service =
            new GoalService(goals, contributions, publisher, new InlineTransactions(), CLOCK);
    private final GoalAllocationService allocating =
            new GoalAllocationService(goals, allocations, plans, new InlineTransactions(), CLOCK);
    private final MonthlyGoalTransfers transfers = new MonthlyGoalTransfers(
            goals, contributions, allocations, plans, publisher, new InlineTransactions(), CLOCK);
    private final UUID ann = UUID.randomUUID();

    @Test
    void aGoalWithAnAutomaticTransferGetsItsAllocationOnceAMonth() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID goal = created("1200.00");
        allocating.allocate(ann, goal, "150.00", true).block();

        assertThat(transfers.transferDue(TODAY).block()).isEqualTo(1L);
        assertThat(transfers.transferDue(TODAY).block()).isZero();
        assertThat(transfers.transferDue(TODAY.plusDays(10)).block()).isZero();

        assertThat(goals.row(goal).progress().saved()).isEqualTo(new BigDecimal("150.00"));
        GoalContribution made = contributions.history(goal).blockFirst();
        assertThat(made.source()).isEqualTo(ContributionSource.AUTO_TRANSFER);
        assertThat(made.transferMonth()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(outbox.types()).containsExactly(GoalPublisher.CREATED, GoalPublisher.CONTRIBUTION_ADDED);
        assertThat(((GoalContributionAdded) outbox.appended().get(1).data()).source())
                .isEqualTo("AUTO_TRANSFER");
    }

    @Test
    void theNextMonthWithAPlanGetsItsOwnTransfer() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        plans.plan(ann, MARCH.plusMonths(1), "EUR", "500.00");
        UUID goal = created("1200.00");
        allocating.allocate(ann, goal, "150.00", true).block();

        transfers.transferDue(TODAY).block();
        transfers.transferDue(LocalDate.of(2026, 4, 1)).block();

        assertThat(goals.row(goal).progress().saved()).isEqualTo(new BigDecimal("300.00"));
    }

    @Test
    void aMonthWithoutAPlanTransfersNothingUntilThePlanExists() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID goal = created("1200.00");
        allocating.allocate(ann, goal, "150.00", true).block();

        assertThat(transfers.transferDue(LocalDate.of(2026, 4, 2)).block()).isZero();
        plans.plan(ann, MARCH.plusMonths(1), "EUR", "500.00");
        assertThat(transfers.transferDue(LocalDate.of(2026, 4, 3)).block()).isEqualTo(1L);
    }

    @Test
    void theTransferStopsAtTheTargetAndCompletesTheGoal() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID goal = created("100.00");
        allocating.allocate(ann, goal, "150.00", true).block();

        transfers.transferDue(TODAY).block();

        Goal after = goals.row(goal);
        assertThat(after.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(after.progress().saved()).isEqualTo(new BigDecimal("100.00"));
        assertThat(outbox.types()).endsWith(GoalPublisher.CONTRIBUTION_ADDED, GoalPublisher.COMPLETED);
    }

    @Test
    void pausedGoalsAndAllocationsWithoutTransferAreLeftAlone() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        UUID paused = created("1200.00");
        UUID manual = created("1200.00");
        allocating.allocate(ann, paused, "100.00", true).block();
        allocating.allocate(ann, manual, "100.00", false).block();
        service.pause(ann, paused).block();

        assertThat(transfers.transferDue(TODAY).block()).isZero();
        assertThat(contributions.size()).isZero();
    }

    @Test
    void aLoweredSavingsTargetPaysTheGoalsThatStillFitInCreationOrder() {
        plans.plan(ann, MARCH, "EUR", "500.00");
        // one after the other: goals created in the same instant have no creation order (ties go by id)
        UUID first = createdSecondsLater("1200.00", 1);
        UUID second = createdSecondsLater("1200.00", 2);
        UUID third = createdSecondsLater("1200.00", 3);
        allocating.allocate(ann, first, "200.00", true).block();
        allocating.allocate(ann, second, "250.00", true).block();
        allocating.allocate(ann, third, "50.00", true).block();
        plans.plan(ann, MARCH, "EUR", "300.00");

        assertThat(transfers.transferDue(TODAY).block()).isEqualTo(2L);

        assertThat(goals.row(first).progress().saved()).isEqualTo(new BigDecimal("200.00"));
        assertThat(goals.row(second).progress().saved()).isEqualTo(new BigDecimal("0.00"));
        assertThat(goals.row(third).progress().saved()).isEqualTo(new BigDecimal("50.00"));
    }

    private UUID createdSecondsLater(String target, long seconds) {
        GoalService later = new GoalService(
                goals,
                contributions,
                publisher,
                new InlineTransactions(),
                Clock.offset(CLOCK, java.time.Duration.ofSeconds(seconds)));
        return later.create(ann, aDraft(target, LocalDate.of(2026, 12, 31)))
                .block()
                .id();
    }

    private UUID created(String target) {
        return service.create(ann, aDraft(target, LocalDate.of(2026, 12, 31)))
                .block()
                .id();
    }
}
