package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads a user's {@link PlannedMonth} (for the calendar and the dashboard). */
@FunctionalInterface
public interface PlannedMonths {

    /** The month; 404 {@code PLAN_NOT_FOUND} when the user has no plan for it. */
    Mono<PlannedMonth> of(UUID userId, YearMonth month);

    /** The month, or empty when the user has no plan for it (the dashboard shows no budget then, not a 404). */
    default Mono<PlannedMonth> find(UUID userId, YearMonth month) {
        return of(userId, month).onErrorResume(PlanNotFoundException.class, missing -> Mono.empty());
    }
}
