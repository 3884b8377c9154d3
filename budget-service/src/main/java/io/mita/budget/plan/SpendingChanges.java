package io.mita.budget.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What the transaction use cases call after a change of a user's spending (an expense created, changed or
 * deleted), inside the database transaction of that change: each month the days fall in is redistributed
 * (when it has a plan) and its thresholds are checked. Implemented by {@link Rebalancing}.
 */
@FunctionalInterface
public interface SpendingChanges {

    Mono<Void> changed(UUID userId, Collection<LocalDate> days);
}
