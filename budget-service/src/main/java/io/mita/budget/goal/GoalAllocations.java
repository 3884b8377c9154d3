package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The goals' monthly allocations. A seam so the use cases can be tested with an in-memory store; the real one
 * is {@link GoalAllocationRepository}.
 */
interface GoalAllocations {

    Mono<GoalAllocation> find(UUID goalId);

    Mono<GoalAllocation> save(GoalAllocation allocation);

    Mono<Void> delete(UUID goalId);

    /**
     * The allocations in {@code currency} of the user's live goals that are not completed, except {@code goalId}:
     * what the savings-target rule adds up.
     */
    Mono<List<BigDecimal>> othersOf(UUID userId, String currency, UUID goalId);

    /** Users with an automatic transfer not yet made for the month starting on {@code month}. */
    Flux<UUID> usersWithTransfersDue(LocalDate month);

    /** The user's allocations of live ACTIVE goals with an automatic transfer, in goal creation order. */
    Flux<GoalAllocation> autoTransfersOf(UUID userId);
}
