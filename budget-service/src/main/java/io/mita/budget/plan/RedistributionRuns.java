package io.mita.budget.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Recorded runs and the thresholds reached, a seam for in-memory fakes; the real one is
 * {@link RedistributionRunRepository}.
 */
interface RedistributionRuns {

    Mono<Void> record(RedistributionRun run);

    /** The month's runs, newest first, at most {@code limit}. */
    Flux<RedistributionRun> list(UUID userId, YearMonth month, int limit);

    /**
     * Claims a threshold (80 or 100 %) of a category's month: true the first time, false ever after (the row is
     * inserted with ON CONFLICT DO NOTHING, so concurrent claims wait for each other and one wins).
     */
    Mono<Boolean> claimThreshold(UUID userId, YearMonth month, String category, int percent, Instant now);
}
