package io.mita.budget.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The dashboard's read model (docs/budget.md, "Stored dashboards"): a hit is the user's stored dashboard for the day,
 * still of the user's current data version (one statement of two primary-key reads); a miss runs the dashboard
 * statement and stores what it computed. Counted in {@code mita.budget.dashboard.reads} ({@code result=hit|miss}).
 */
@Component
class StoredDashboards implements DashboardSources {

    static final String READS = "mita.budget.dashboard.reads";

    private final StoredDashboardRepository stored;
    private final DashboardStatement statement;
    private final Counter hits;
    private final Counter misses;

    StoredDashboards(StoredDashboardRepository stored, DashboardStatement statement, MeterRegistry meters) {
        this.stored = stored;
        this.statement = statement;
        this.hits = reads("hit", meters);
        this.misses = reads("miss", meters);
    }

    @Override
    public Mono<DashboardParts> read(UUID userId, DashboardDay day) {
        return stored.find(userId, day.today())
                .doOnNext(hit -> hits.increment())
                .switchIfEmpty(Mono.defer(() -> computeAndStore(userId, day)))
                .map(texts -> statement.parts(texts, day));
    }

    private Mono<DashboardTexts> computeAndStore(UUID userId, DashboardDay day) {
        misses.increment();
        return statement
                .compute(userId, day)
                .flatMap(texts -> stored.store(userId, day.today(), texts).thenReturn(texts));
    }

    private static Counter reads(String result, MeterRegistry meters) {
        return Counter.builder(READS)
                .description("Dashboards read: hit = served as stored, miss = computed by the dashboard statement")
                .tag("result", result)
                .register(meters);
    }
}
