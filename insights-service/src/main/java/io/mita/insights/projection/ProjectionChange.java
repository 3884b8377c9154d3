package io.mita.insights.projection;

import java.util.UUID;

/** One event's effect on a user's projections: the new state of a transaction or of a month's plan. */
public sealed interface ProjectionChange permits TransactionState, PlanState {

    UUID userId();

    long version();
}
