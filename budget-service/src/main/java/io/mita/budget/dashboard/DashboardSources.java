package io.mita.budget.dashboard;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads everything the dashboard shows for a user and day; the real one is {@link StoredDashboards}. */
@FunctionalInterface
interface DashboardSources {

    Mono<DashboardParts> read(UUID userId, DashboardDay day);
}
