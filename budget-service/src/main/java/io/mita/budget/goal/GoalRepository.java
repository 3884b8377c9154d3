package io.mita.budget.goal;

import java.util.UUID;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface GoalRepository extends ReactiveCrudRepository<Goal, UUID> {

    /** The caller's live goal: the only way a single goal is read. */
    Mono<Goal> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId);

    /**
     * The caller's live goal, locked until the database transaction ends: every change of a goal reads it
     * this way, so concurrent changes (contributions adding up, a pause during a contribution) run one
     * after the other and the save's version check never fails between them.
     */
    @Query("SELECT * FROM goal WHERE id = :id AND user_id = :userId AND deleted_at IS NULL FOR UPDATE")
    Mono<Goal> lockOwned(UUID id, UUID userId);

    /** The caller's live goals in creation order (index {@code goal_user_listing}). */
    @Query("SELECT * FROM goal WHERE user_id = :userId AND deleted_at IS NULL ORDER BY created_at, id")
    Flux<Goal> findLive(UUID userId);
}
