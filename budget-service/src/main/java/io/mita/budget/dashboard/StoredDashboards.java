package io.mita.budget.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The dashboard's read model (docs/budget.md, "Stored dashboards"): a hit is the user's stored dashboard for the day,
 * still of the user's current data version (one statement of two primary-key reads), answered as its stored rendered
 * parts (no parsing, no serialising); a miss runs the dashboard statement, renders its parts ({@link DashboardBody})
 * and stores both. Counted in {@code mita.budget.dashboard.reads} ({@code result=hit|miss}).
 */
@Component
class StoredDashboards implements DashboardSources {

    static final String READS = "mita.budget.dashboard.reads";

    private final StoredDashboardRepository stored;
    private final DashboardStatement statement;
    private final DashboardBody body;
    private final Counter hits;
    private final Counter misses;

    StoredDashboards(
            StoredDashboardRepository stored, DashboardStatement statement, DashboardBody body, MeterRegistry meters) {
        this.stored = stored;
        this.statement = statement;
        this.body = body;
        this.hits = reads("hit", meters);
        this.misses = reads("miss", meters);
    }

    @Override
    public Mono<String> read(UUID userId, DashboardDay day) {
        return stored.find(userId, day.today())
                .doOnNext(hit -> hits.increment())
                .switchIfEmpty(Mono.defer(() -> computeAndStore(userId, day)));
    }

    private Mono<String> computeAndStore(UUID userId, DashboardDay day) {
        misses.increment();
        return statement.compute(userId, day).flatMap(texts -> store(userId, day, texts));
    }

    /** Renders a computed dashboard's parts for {@code day} and stores both; answers the rendered parts. */
    Mono<String> store(UUID userId, DashboardDay day, DashboardTexts texts) {
        String rendered = body.renderedParts(statement.parts(texts, day), day.today());
        return stored.store(userId, day.today(), texts, rendered).thenReturn(rendered);
    }

    private static Counter reads(String result, MeterRegistry meters) {
        return Counter.builder(READS)
                .description("Dashboards read: hit = served as stored, miss = computed by the dashboard statement")
                .tag("result", result)
                .register(meters);
    }
}
