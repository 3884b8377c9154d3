package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Amounts per category and day of one user's month, in minor units (arrays as long as the month, index 0 =
 * day 1): the persisted daily allocations, and the spending read from the transactions. A seam for in-memory
 * fakes; the real one is {@link MonthCellRepository}.
 */
interface MonthCells {

    /** The persisted daily allocations; empty map when the month has none. */
    Mono<Map<String, long[]>> allocations(UUID userId, YearMonth month);

    /** Replaces the month's daily allocations with these. */
    Mono<Void> replaceAllocations(UUID userId, YearMonth month, Map<String, long[]> allocations);

    /**
     * Stores {@code after} over the persisted {@code before} (as {@link #allocations} read them): when both have
     * the same categories only the cells that changed are written, else the month is replaced.
     */
    default Mono<Void> changeAllocations(
            UUID userId, YearMonth month, Map<String, long[]> before, Map<String, long[]> after) {
        return replaceAllocations(userId, month, after);
    }

    /**
     * What the user spent per category and day: live EXPENSE transactions in this currency (other currencies
     * are not converted and not counted against the plan).
     */
    Mono<Map<String, long[]>> spending(UUID userId, YearMonth month, java.util.Currency currency);

    /**
     * Everything a redistribution reads after taking the plan's lock, at once (the real store: one statement
     * instead of one per part). This default reads the allocations and the spending only, with no kinds and no
     * claimed thresholds: the caller then asks {@code CategoryKinds} and claims every threshold reached.
     */
    default Mono<MonthReading> reading(UUID userId, YearMonth month, java.util.Currency currency) {
        return Mono.zip(allocations(userId, month), spending(userId, month, currency))
                .map(both -> new MonthReading(both.getT1(), both.getT2(), Map.of(), Set.of()));
    }
}
