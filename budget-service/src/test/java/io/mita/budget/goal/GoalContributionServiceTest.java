package io.mita.budget.goal;

import static io.mita.budget.goal.GoalFixtures.aDraft;
import static io.mita.budget.goal.GoalFixtures.euros;
import static io.mita.budget.goal.GoalServiceTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.money.Money;
import io.mita.budget.support.RecordingOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contributions on in-memory fakes: progress, automatic completion, refusals and Idempotency-Key replays. */
class GoalContributionServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private final InMemoryGoals goals = new InMemoryGoals();
    private final InMemoryGoalContributions contributions = new InMemoryGoalContributions();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final GoalPublisher publisher = new GoalPublisher(outbox);
    private final GoalService service =
            new GoalService(goals, contributions, publisher, new InlineTransactions(), CLOCK);
    private final GoalContributionService contributing =
            new GoalContributionService(goals, contributions, publisher, new InlineTransactions(), CLOCK);
    private final UUID ann = UUID.randomUUID();

    @Test
    void aContributionAddsToTheSavedAmountAndIsAnnounced() {
        UUID id = created("1200.00");

        GoalContribution made =
                contributing.contribute(ann, id, euros("150.00"), null).block();

        assertThat(made.source()).isEqualTo(ContributionSource.MANUAL);
        Goal goal = goals.row(id);
        assertThat(goal.progress().saved()).isEqualTo(new BigDecimal("150.00"));
        assertThat(goal.progress().percent()).isEqualTo(new BigDecimal("12.5"));
        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(outbox.types()).containsExactly(GoalPublisher.CREATED, GoalPublisher.CONTRIBUTION_ADDED);
        GoalContributionAdded event =
                (GoalContributionAdded) outbox.appended().get(1).data();
        assertThat(event.savedAmount()).isEqualTo("150.00");
        assertThat(event.contributionId()).isEqualTo(made.id());
        assertThat(event.goalVersion()).isEqualTo(1L);
    }

    @Test
    void reachingTheTargetCompletesTheGoalAutomaticallyAndAnnouncesBoth() {
        UUID id = created("300.00");
        contributing.contribute(ann, id, euros("200.00"), null).block();

        contributing.contribute(ann, id, euros("150.00"), null).block();

        Goal goal = goals.row(id);
        assertThat(goal.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(goal.completedAt()).isEqualTo(CLOCK.instant());
        assertThat(goal.progress().saved()).isEqualTo(new BigDecimal("350.00"));
        assertThat(goal.progress().remaining()).isEqualTo(new BigDecimal("0.00"));
        assertThat(outbox.types())
                .containsExactly(
                        GoalPublisher.CREATED,
                        GoalPublisher.CONTRIBUTION_ADDED,
                        GoalPublisher.CONTRIBUTION_ADDED,
                        GoalPublisher.COMPLETED);
        GoalCompleted completed = (GoalCompleted) outbox.appended().get(3).data();
        assertThat(completed.reason()).isEqualTo("TARGET_REACHED");
        assertThat(completed.savedAmount()).isEqualTo("350.00");
    }

    @Test
    void aCompletedGoalTakesNoMoreContributions() {
        UUID id = created("300.00");
        contributing.contribute(ann, id, euros("300.00"), null).block();

        assertProblem(
                () -> contributing.contribute(ann, id, euros("1.00"), null).block(), 409, "GOAL_ALREADY_COMPLETED");
        assertThat(contributions.size()).isEqualTo(1);
    }

    @Test
    void aContributionInAnotherCurrencyIsRefusedWith422() {
        UUID id = created("300.00");

        assertProblem(
                () -> contributing
                        .contribute(ann, id, new ContributionDraft(Money.parse("10.00", "USD"), null), null)
                        .block(),
                422,
                "GOAL_CURRENCY_MISMATCH");
        assertThat(contributions.size()).isZero();
        assertThat(goals.row(id).version()).isZero();
    }

    @Test
    void aPausedGoalStillTakesContributions() {
        UUID id = created("300.00");
        service.pause(ann, id).block();

        contributing.contribute(ann, id, euros("10.00"), null).block();

        assertThat(goals.row(id).status()).isEqualTo(GoalStatus.PAUSED);
        assertThat(goals.row(id).progress().saved()).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void aReplayWithTheSameKeyAnswersTheFirstContributionWithoutASecondOneOrEvent() {
        UUID id = created("1200.00");
        GoalContribution first =
                contributing.contribute(ann, id, euros("50.00"), "k-1").block();

        GoalContribution replay = contributing
                .contribute(ann, id, new ContributionDraft(Money.parse("50", "EUR"), "  "), "k-1")
                .block();

        assertThat(replay).isEqualTo(first);
        assertThat(contributions.size()).isEqualTo(1);
        assertThat(goals.row(id).progress().saved()).isEqualTo(new BigDecimal("50.00"));
        assertThat(outbox.types()).containsExactly(GoalPublisher.CREATED, GoalPublisher.CONTRIBUTION_ADDED);
    }

    @Test
    void aReplayOfTheContributionThatCompletedTheGoalStillAnswersIt() {
        UUID id = created("50.00");
        GoalContribution first =
                contributing.contribute(ann, id, euros("50.00"), "k-1").block();

        assertThat(contributing.contribute(ann, id, euros("50.00"), "k-1").block())
                .isEqualTo(first);
    }

    @Test
    void theSameKeyWithAnotherAmountOrGoalIsRefused() {
        UUID id = created("1200.00");
        UUID other = created("1200.00");
        contributing.contribute(ann, id, euros("50.00"), "k-1").block();

        assertProblem(
                () -> contributing.contribute(ann, id, euros("51.00"), "k-1").block(),
                409,
                "BUDGET_IDEMPOTENCY_KEY_REUSED");
        assertProblem(
                () -> contributing.contribute(ann, other, euros("50.00"), "k-1").block(),
                409,
                "BUDGET_IDEMPOTENCY_KEY_REUSED");
        assertThat(contributions.size()).isEqualTo(1);
    }

    @Test
    void keysOfOneUserDoNotCollideWithAnothersKeys() {
        UUID bob = UUID.randomUUID();
        UUID annsGoal = created("1200.00");
        UUID bobsGoal = service.create(bob, aDraft("1200.00", TODAY.plusMonths(6)))
                .block()
                .id();

        GoalContribution anns =
                contributing.contribute(ann, annsGoal, euros("50.00"), "k-1").block();
        GoalContribution bobs =
                contributing.contribute(bob, bobsGoal, euros("50.00"), "k-1").block();

        assertThat(bobs.id()).isNotEqualTo(anns.id());
    }

    @Test
    void theListShowsTheGoalsContributionsNewestFirst() {
        UUID id = created("1200.00");
        UUID other = created("1200.00");
        GoalContribution first =
                contributing.contribute(ann, id, euros("1.00"), null).block();
        contributing.contribute(ann, other, euros("2.00"), null).block();
        GoalContribution later = new GoalContribution(
                UUID.randomUUID(),
                id,
                ann,
                new BigDecimal("3.00"),
                "EUR",
                null,
                ContributionSource.MANUAL,
                null,
                null,
                null,
                CLOCK.instant().plusSeconds(60));
        contributions.insert(later).block();

        assertThat(contributing
                        .list(ann, id)
                        .map(GoalContribution::id)
                        .collectList()
                        .block())
                .containsExactly(later.id(), first.id());
    }

    private UUID created(String target) {
        return service.create(ann, aDraft(target, TODAY.plusMonths(6))).block().id();
    }
}
