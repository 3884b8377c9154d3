package io.mita.budget.goal;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The contributions of goals. A seam so the use cases can be tested with an in-memory store; the real one
 * is {@link GoalContributionRepository}. Callers hold the goal's row lock while they add to it.
 */
interface GoalContributions {

    Mono<GoalContribution> insert(GoalContribution contribution);

    /** The contribution a user made with this Idempotency-Key (to whichever goal), empty when there is none. */
    Mono<GoalContribution> findByKey(UUID userId, String idempotencyKey);

    /** The automatic transfer made into a goal for the month starting on {@code month}, empty when none. */
    Mono<GoalContribution> transferOf(UUID goalId, java.time.LocalDate month);

    /** A goal's contributions, newest first. */
    Flux<GoalContribution> history(UUID goalId);
}
