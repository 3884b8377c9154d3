package io.mita.budget.dashboard;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Reads everything the dashboard shows for a user and day, as its rendered parts ({@link
 * DashboardBody#renderedParts}); the real one is {@link StoredDashboards}.
 */
@FunctionalInterface
interface DashboardSources {

    Mono<String> read(UUID userId, DashboardDay day);
}
