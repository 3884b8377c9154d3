package io.mita.budget.goal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contributions to a goal. Adding one is one database transaction: lock the goal's row, answer a replayed
 * Idempotency-Key with the contribution it made, else apply {@link Goal#contributed} (409 on a completed
 * goal, 422 in another currency), save the goal, insert the contribution and write {@code
 * contribution-added} (and {@code completed} when the target is reached) to the outbox.
 *
 * <p>Decision: contributions keep their Idempotency-Key on their own row ({@code goal_contribution}) rather
 * than in transaction's {@code idempotency_key} table, whose claims point at transactions. A key belongs to
 * one user; it is bound to the goal and the content, so the same key for another goal or amount is 409
 * {@code BUDGET_IDEMPOTENCY_KEY_REUSED}. A replay answers the first contribution even if the goal was
 * completed since (by that very contribution, typically).
 */
@Service
class GoalContributionService {

    private final GoalRepository goals;
    private final GoalContributions contributions;
    private final GoalPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    GoalContributionService(
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

    Mono<GoalContribution> contribute(UUID userId, UUID goalId, ContributionDraft draft, String idempotencyKey) {
        Mono<GoalContribution> work = locked(userId, goalId).flatMap(goal -> {
            if (idempotencyKey == null) {
                return add(goal, draft, null, null);
            }
            String hash = draft.fingerprint(goalId);
            return contributions
                    .findByKey(userId, idempotencyKey)
                    .flatMap(existing -> hash.equals(existing.requestHash())
                            ? Mono.just(existing)
                            : Mono.<GoalContribution>error(new GoalIdempotencyKeyReusedException()))
                    .switchIfEmpty(Mono.defer(() -> add(goal, draft, idempotencyKey, hash)));
        });
        return inTransaction
                .transactional(work)
                .onErrorMap(
                        e -> idempotencyKey != null && e instanceof DataIntegrityViolationException,
                        e -> new GoalIdempotencyKeyReusedException());
    }

    /** A goal's contributions, newest first. */
    Flux<GoalContribution> list(UUID userId, UUID goalId) {
        return goals.findByIdAndUserIdAndDeletedAtIsNull(goalId, userId)
                .switchIfEmpty(Mono.error(() -> new GoalNotFoundException(goalId)))
                .flatMapMany(goal -> contributions.history(goal.id()));
    }

    private Mono<GoalContribution> add(Goal goal, ContributionDraft draft, String key, String hash) {
        Instant now = now();
        Goal after = goal.contributed(draft.money(), now);
        GoalContribution contribution = new GoalContribution(
                UUID.randomUUID(),
                goal.id(),
                goal.userId(),
                draft.money().amount(),
                draft.money().currencyCode(),
                draft.note(),
                ContributionSource.MANUAL,
                key,
                hash,
                null,
                now);
        return goals.save(after)
                .flatMap(saved -> contributions
                        .insert(contribution)
                        .then(publisher.contributionAdded(saved, contribution))
                        .then(publisher.completedIfNewly(goal, saved, GoalCompleted.TARGET_REACHED))
                        .thenReturn(contribution));
    }

    private Mono<Goal> locked(UUID userId, UUID id) {
        return goals.lockOwned(id, userId).switchIfEmpty(Mono.error(() -> new GoalNotFoundException(id)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
