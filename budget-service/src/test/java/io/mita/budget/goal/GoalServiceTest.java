package io.mita.budget.goal;

import static io.mita.budget.goal.GoalFixtures.aDraft;
import static io.mita.budget.goal.GoalFixtures.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.support.RecordingOutbox;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The goal use cases on in-memory fakes, with the clock fixed on 15 March 2026. */
class GoalServiceTest {

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
    private final UUID bob = UUID.randomUUID();

    @Test
    void aNewGoalIsActiveWithNothingSavedAndAnnouncesItself() {
        Goal goal = service.create(ann, aDraft("1200.00", TODAY.plusMonths(6))).block();

        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(goal.version()).isZero();
        assertThat(goal.progress().saved()).isEqualTo(new BigDecimal("0.00"));
        assertThat(outbox.types()).containsExactly(GoalPublisher.CREATED);
        OutgoingEvent event = outbox.appended().get(0);
        assertThat(event.subject()).isEqualTo(ann.toString());
        assertThat(((GoalCreated) event.data()).targetAmount()).isEqualTo("1200.00");
    }

    @Test
    void aTargetDateInThePastIsRefusedAndNothingIsStored() {
        assertProblem(
                () -> service.create(ann, aDraft("1200.00", TODAY.minusDays(2))).block(),
                422,
                "GOAL_TARGET_DATE_IN_PAST");
        assertThat(goals.size()).isZero();
        assertThat(outbox.types()).isEmpty();
    }

    @Test
    void anotherUsersGoalIsNotFoundForEveryUseCase() {
        UUID id = created("1200.00");

        assertProblem(() -> service.get(bob, id).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> service.pause(bob, id).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> service.resume(bob, id).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> service.complete(bob, id).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> service.delete(bob, id, null).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> service.health(bob, id).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(
                () -> contributing.contribute(bob, id, euros("10.00"), null).block(), 404, "GOAL_NOT_FOUND");
        assertProblem(() -> contributing.list(bob, id).blockLast(), 404, "GOAL_NOT_FOUND");
        assertThat(goals.row(id).version()).isZero();
        assertThat(goals.row(id).status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void pauseAndResumeSwitchTheStatusAndRepeatingThemChangesNothing() {
        UUID id = created("1200.00");

        assertThat(service.pause(ann, id).block().status()).isEqualTo(GoalStatus.PAUSED);
        assertThat(service.pause(ann, id).block().version()).isEqualTo(1L);
        assertThat(service.resume(ann, id).block().status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(service.resume(ann, id).block().version()).isEqualTo(2L);
        assertThat(outbox.types()).containsExactly(GoalPublisher.CREATED);
    }

    @Test
    void completingByTheOwnerIsFinalAndAnnouncedOnce() {
        UUID id = created("1200.00");

        Goal completed = service.complete(ann, id).block();

        assertThat(completed.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(CLOCK.instant());
        assertThat(outbox.types()).containsExactly(GoalPublisher.CREATED, GoalPublisher.COMPLETED);
        assertThat(((GoalCompleted) outbox.appended().get(1).data()).reason()).isEqualTo("BY_OWNER");
        assertProblem(() -> service.complete(ann, id).block(), 409, "GOAL_ALREADY_COMPLETED");
        assertProblem(() -> service.pause(ann, id).block(), 409, "GOAL_ALREADY_COMPLETED");
        assertProblem(() -> service.resume(ann, id).block(), 409, "GOAL_ALREADY_COMPLETED");
        assertThat(outbox.types()).hasSize(2);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        UUID id = created("1200.00");
        service.pause(ann, id).block();

        assertProblem(
                () -> service.update(ann, id, patch("{\"name\":\"Rome\"}"), 0L).block(),
                412,
                "GOAL_PRECONDITION_FAILED");
        assertProblem(() -> service.delete(ann, id, 0L).block(), 412, "GOAL_PRECONDITION_FAILED");
        assertThat(goals.row(id).name()).isEqualTo("Holiday in Lisbon");
        assertThat(goals.row(id).deletedAt()).isNull();
    }

    @Test
    void aPatchWithTheCurrentVersionChangesOnlyWhatItNames() {
        UUID id = created("1200.00");

        Goal patched = service.update(ann, id, patch("{\"name\":\"Rome\",\"icon\":null}"), 0L)
                .block();

        assertThat(patched.name()).isEqualTo("Rome");
        assertThat(patched.icon()).isNull();
        assertThat(patched.category()).isEqualTo("travel");
        assertThat(patched.version()).isEqualTo(1L);
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
        UUID id = created("1200.00");

        assertThat(service.update(ann, id, patch("{\"name\":\"Holiday in Lisbon\"}"), null)
                        .block()
                        .version())
                .isZero();
    }

    @Test
    void aPatchedTargetDateInThePastIsRefusedWith422() {
        UUID id = created("1200.00");

        assertProblem(
                () -> service.update(ann, id, patch("{\"targetDate\":\"2026-03-01\"}"), null)
                        .block(),
                422,
                "GOAL_TARGET_DATE_IN_PAST");
    }

    @Test
    void loweringTheTargetToWhatIsSavedCompletesTheGoal() {
        UUID id = created("1200.00");
        contributing.contribute(ann, id, euros("500.00"), null).block();

        Goal patched = service.update(ann, id, patch("{\"targetAmount\":\"500\"}"), null)
                .block();

        assertThat(patched.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(outbox.types())
                .containsExactly(GoalPublisher.CREATED, GoalPublisher.CONTRIBUTION_ADDED, GoalPublisher.COMPLETED);
        assertThat(((GoalCompleted) outbox.appended().get(2).data()).reason()).isEqualTo("TARGET_REACHED");
    }

    @Test
    void aGoalWithSavingsKeepsItsCurrency() {
        UUID id = created("1200.00");
        contributing.contribute(ann, id, euros("5.00"), null).block();

        assertProblem(
                () -> service.update(ann, id, patch("{\"currency\":\"USD\"}"), null)
                        .block(),
                409,
                "GOAL_CURRENCY_LOCKED");
    }

    @Test
    void aGoalWithoutSavingsMayChangeItsCurrency() {
        UUID id = created("1200.00");

        Goal patched =
                service.update(ann, id, patch("{\"currency\":\"USD\"}"), null).block();

        assertThat(patched.currency()).isEqualTo("USD");
    }

    @Test
    void aCompletedGoalMayBeRenamedButNotRetargeted() {
        UUID id = created("1200.00");
        service.complete(ann, id).block();

        assertThat(service.update(ann, id, patch("{\"name\":\"Done\"}"), null)
                        .block()
                        .name())
                .isEqualTo("Done");
        assertProblem(
                () -> service.update(ann, id, patch("{\"targetAmount\":\"2000.00\"}"), null)
                        .block(),
                409,
                "GOAL_ALREADY_COMPLETED");
    }

    @Test
    void aDeletedGoalIsGoneForEveryRead() {
        UUID id = created("1200.00");

        service.delete(ann, id, 0L).block();

        assertProblem(() -> service.get(ann, id).block(), 404, "GOAL_NOT_FOUND");
        assertThat(service.list(ann, null).collectList().block()).isEmpty();
        assertThat(goals.row(id).deletedAt()).isNotNull();
    }

    @Test
    void theListCanBeFilteredByStatus() {
        UUID active = created("1200.00");
        UUID paused = created("300.00");
        service.pause(ann, paused).block();

        assertThat(service.list(ann, GoalStatus.PAUSED)
                        .map(Goal::id)
                        .collectList()
                        .block())
                .containsExactly(paused);
        assertThat(service.list(ann, null).map(Goal::id).collectList().block())
                .containsExactlyInAnyOrder(active, paused);
        assertThat(service.list(bob, null).collectList().block()).isEmpty();
    }

    @Test
    void statisticsCoverOnlyTheCallersGoals() {
        UUID first = created("1000.00");
        created("1000.00");
        contributing.contribute(ann, first, euros("500.00"), null).block();
        service.create(bob, aDraft("50.00", TODAY.plusMonths(1))).block();

        GoalStatistics statistics = service.statistics(ann).block();

        assertThat(statistics.goals()).isEqualTo(2);
        assertThat(statistics.averageProgressPercent()).isEqualTo(new BigDecimal("25.0"));
        assertThat(statistics.byCurrency().get(0).saved()).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void healthReadsTheGoalsContributionHistory() {
        UUID id = service.create(ann, aDraft("600.00", LocalDate.of(2026, 5, 31)))
                .block()
                .id();
        contributing.contribute(ann, id, euros("200.00"), null).block();

        GoalHealthResponse health = service.health(ann, id).block();

        // 400.00 left over March..May; 200.00 in the first 30 days is a pace of 200.00 a month
        assertThat(health.verdict()).isEqualTo("ON_TRACK");
        assertThat(health.monthsLeft()).isEqualTo(3);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo("133.34");
        assertThat(health.monthlyPace()).isEqualTo("200.00");
    }

    private UUID created(String target) {
        return service.create(ann, aDraft(target, TODAY.plusMonths(6))).block().id();
    }

    private static UpdateGoalRequest patch(String json) {
        return JsonMapper.builder().build().readValue(json, UpdateGoalRequest.class);
    }

    static void assertProblem(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
