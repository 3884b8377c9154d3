package io.mita.budget.dashboard;

import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The dashboard's view of the goal feature (implemented there): the user's ACTIVE goals with the nearest target
 * date first, in one query.
 */
@FunctionalInterface
public interface NextGoals {

    Flux<DashboardGoal> next(UUID userId, int limit);
}
