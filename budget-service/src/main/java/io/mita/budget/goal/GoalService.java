package io.mita.budget.goal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The goal use cases: create, read, list, change, delete, pause, resume, complete, statistics and health.
 * Each change is one database transaction that locks the goal's row, applies the rule of {@link Goal}, saves
 * and writes its events to the outbox. Every read and write is scoped to the caller's user id: someone
 * else's goal is indistinguishable from a missing one (404).
 */
@Service
class GoalService {

    private final GoalRepository goals;
    private final GoalContributions contributions;
    private final GoalPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    GoalService(
            GoalRepository goals,
            GoalContributions contributions,
            GoalPublisher publisher,
            TransactionalOperator inTransaction,
            Clock clock) {
        this.goals = goals;
        this.contributions = contributions;
        this.publisher = publisher;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    Mono<Goal> create(UUID userId, GoalDraft draft) {
        Mono<Goal> work = Mono.defer(() -> {
            TargetDateRule.check(draft.targetDate(), clock);
            return goals.save(Goal.create(UUID.randomUUID(), userId, draft, now()));
        });
        return inTransaction.transactional(
                work.flatMap(saved -> publisher.created(saved).thenReturn(saved)));
    }

    Mono<Goal> get(UUID userId, UUID id) {
        return goals.findByIdAndUserIdAndDeletedAtIsNull(id, userId)
                .switchIfEmpty(Mono.error(() -> new GoalNotFoundException(id)));
    }

    Flux<Goal> list(UUID userId, GoalStatus status) {
        return goals.findLive(userId).filter(goal -> status == null || goal.status() == status);
    }

    /**
     * Applies a merge patch. {@code expectedVersion} (from If-Match) must be the current version, or 412. A
     * target date the patch states is checked by {@link TargetDateRule}. A patch that changes nothing writes
     * nothing. A target lowered to what is saved completes the goal.
     */
    Mono<Goal> update(UUID userId, UUID id, UpdateGoalRequest patch, Long expectedVersion) {
        return change(
                userId,
                id,
                expectedVersion,
                (current, now) -> {
                    if (patch.has("targetDate") && patch.targetDate() != null) {
                        TargetDateRule.check(patch.targetDate(), clock);
                    }
                    GoalDraft changed = patch.applyTo(current.content());
                    return changed.equals(current.content()) ? current : current.withContent(changed, now);
                },
                GoalCompleted.TARGET_REACHED);
    }

    Mono<Goal> pause(UUID userId, UUID id) {
        return change(userId, id, null, (goal, now) -> goal.paused(now), GoalCompleted.BY_OWNER);
    }

    Mono<Goal> resume(UUID userId, UUID id) {
        return change(userId, id, null, (goal, now) -> goal.resumed(now), GoalCompleted.BY_OWNER);
    }

    Mono<Goal> complete(UUID userId, UUID id) {
        return change(userId, id, null, (goal, now) -> goal.completedByOwner(now), GoalCompleted.BY_OWNER);
    }

    /** Soft-deletes: the row and its contributions stay (for events and audits) but are gone for every read. */
    Mono<Void> delete(UUID userId, UUID id, Long expectedVersion) {
        Mono<Void> work = locked(userId, id)
                .doOnNext(goal -> checkVersion(goal, expectedVersion))
                .flatMap(goal -> goals.save(goal.deleted(now())))
                .then();
        return inTransaction.transactional(work);
    }

    Mono<GoalStatistics> statistics(UUID userId) {
        return goals.findLive(userId)
                .map(goal -> new GoalStatistics.Entry(
                        goal.status(),
                        goal.currency(),
                        goal.fractionDigits(),
                        goal.targetAmount(),
                        goal.savedAmount(),
                        goal.targetDate()))
                .collectList()
                .map(entries -> GoalStatistics.of(entries, today()));
    }

    /** The goal with its health, from its whole contribution history. */
    Mono<GoalHealthResponse> health(UUID userId, UUID id) {
        return get(userId, id)
                .flatMap(goal -> contributions
                        .history(goal.id())
                        .map(GoalContribution::forHealth)
                        .collectList()
                        .map(history -> GoalHealthResponse.of(
                                goal,
                                GoalHealth.assess(new GoalHealth.Input(
                                        goal.targetAmount(),
                                        goal.savedAmount(),
                                        goal.fractionDigits(),
                                        goal.createdOn(),
                                        goal.targetDate(),
                                        goal.completed(),
                                        history,
                                        today())))));
    }

    private Mono<Goal> change(
            UUID userId, UUID id, Long expectedVersion, BiFunction<Goal, Instant, Goal> rule, String completion) {
        Mono<Goal> work = locked(userId, id).flatMap(current -> {
            checkVersion(current, expectedVersion);
            Goal changed = rule.apply(current, now());
            if (changed == current) {
                return Mono.just(current);
            }
            return goals.save(changed)
                    .flatMap(saved -> publisher
                            .completedIfNewly(current, saved, completion)
                            .thenReturn(saved));
        });
        return inTransaction.transactional(work);
    }

    private Mono<Goal> locked(UUID userId, UUID id) {
        return goals.lockOwned(id, userId).switchIfEmpty(Mono.error(() -> new GoalNotFoundException(id)));
    }

    private static void checkVersion(Goal current, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new GoalPreconditionFailedException(current.id());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** PostgreSQL keeps microseconds: truncating here makes a read-back equal what was written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
