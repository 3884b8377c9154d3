package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads a user's {@link PlannedMonth} (for the calendar and the dashboard). */
@FunctionalInterface
public interface PlannedMonths {

    /** The month; 404 {@code PLAN_NOT_FOUND} when the user has no plan for it. */
    Mono<PlannedMonth> of(UUID userId, YearMonth month);
}
