package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The store of plans, a seam for in-memory fakes; the real one is {@link PlanRepository}. */
interface Plans {

    Mono<Plan> find(UUID userId, YearMonth month);

    /**
     * The plan with its row locked until the surrounding database transaction ends (SELECT .. FOR UPDATE): the
     * per-user-month lock every change of the month's allocations takes first. Empty when there is no plan.
     */
    Mono<Plan> lock(UUID userId, YearMonth month);

    /** Inserts with version 0; empty when the user has a plan for that month already (a concurrent create). */
    Mono<Plan> insert(Plan plan);

    /** Saves when the stored version is still {@code plan.version()}, answering version + 1; empty otherwise. */
    Mono<Plan> update(Plan plan);
}
