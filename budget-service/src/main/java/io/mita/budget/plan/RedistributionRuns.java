package io.mita.budget.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Recorded runs and the thresholds reached, a seam for in-memory fakes; the real one is
 * {@link RedistributionRunRepository}.
 */
interface RedistributionRuns {

    Mono<Void> record(RedistributionRun run);

    /**
     * Stores a spending change's daily allocations, {@code after} over the persisted {@code before} (as
     * {@link MonthCells#changeAllocations} does in {@code cells}), and records {@code run}. This default writes the
     * cells, then the run; the real store writes the changed cells and the run in one statement and asks
     * {@code cells} only to replace the month (the categories differ, or a row is missing).
     */
    default Mono<Void> recordWithAllocations(
            RedistributionRun run, Map<String, long[]> before, Map<String, long[]> after, MonthCells cells) {
        return cells.changeAllocations(run.userId(), run.month(), before, after).then(record(run));
    }

    /** The month's runs, newest first, at most {@code limit}. */
    Flux<RedistributionRun> list(UUID userId, YearMonth month, int limit);

    /**
     * Claims these thresholds (80 or 100 % of a category's month) at once, answering those claimed now: each is
     * answered once ever (rows inserted with ON CONFLICT DO NOTHING, so concurrent claims wait for each other and
     * one wins). One statement however many there are, since every spending change checks them all.
     */
    Flux<Threshold> claimThresholds(UUID userId, YearMonth month, List<Threshold> thresholds, Instant now);

    /** A threshold of one category's month. */
    record Threshold(String category, int percent) {}
}
