package io.mita.budget.plan;

import io.mita.budget.category.CategoryKind;
import java.util.Map;
import java.util.Set;

/**
 * What a redistribution reads of its month under the plan's lock ({@link MonthCells#reading}): the persisted daily
 * allocations and the spending (arrays as long as the month, index 0 = day 1), the kind of each of the user's
 * categories, and the thresholds of the month claimed before. {@code kinds} is empty when the store did not read
 * them (or the user's categories are not seeded yet): the caller then asks {@code CategoryKinds}.
 */
record MonthReading(
        Map<String, long[]> allocations,
        Map<String, long[]> spending,
        Map<String, CategoryKind> kinds,
        Set<RedistributionRuns.Threshold> claimedThresholds) {

    MonthReading withKinds(Map<String, CategoryKind> kinds) {
        return new MonthReading(allocations, spending, kinds, claimedThresholds);
    }
}
