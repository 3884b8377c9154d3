package io.mita.budget.plan;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as the API shows it (amounts as decimal strings in {@code currency}); {@code version} is the ETag's
 * value, null for a suggestion that is not stored.
 */
record PlanResponse(
        String month,
        String currency,
        String income,
        String savingsTarget,
        List<CommitmentLine> commitments,
        List<CategoryLine> categories,
        String commitmentsTotal,
        String allocatedTotal,
        String unallocated,
        boolean allowOverAllocation,
        PutPlanRequest.Releasable releasable,
        Long version) {

    record CommitmentLine(String name, String amount) {}

    record CategoryLine(String category, String amount, Map<DayOfWeek, Integer> weekdayWeights) {}

    static PlanResponse of(Plan plan) {
        return new PlanResponse(
                plan.month().toString(),
                plan.currency().getCurrencyCode(),
                text(plan, plan.income()),
                text(plan, plan.savingsTarget()),
                plan.commitments().stream()
                        .map(commitment -> new CommitmentLine(commitment.name(), text(plan, commitment.amount())))
                        .toList(),
                plan.allocations().stream()
                        .map(allocation -> new CategoryLine(
                                allocation.category(), text(plan, allocation.amount()), weights(allocation)))
                        .toList(),
                text(plan, plan.commitmentsTotal()),
                text(plan, plan.allocatedTotal()),
                plan.available() - plan.allocatedTotal() < 0
                        ? "-" + text(plan, plan.allocatedTotal() - plan.available())
                        : text(plan, plan.available() - plan.allocatedTotal()),
                plan.allowOverAllocation(),
                new PutPlanRequest.Releasable(plan.releaseCommitments(), plan.releaseSavings()),
                plan.version());
    }

    private static Map<DayOfWeek, Integer> weights(Plan.Allocation allocation) {
        if (allocation.weekdayWeights() == null) {
            return null;
        }
        Map<DayOfWeek, Integer> weights = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weights.put(day, allocation.weightOf(day));
        }
        return weights;
    }

    private static String text(Plan plan, long minor) {
        return PlanAmounts.toText(minor, plan.currency());
    }
}
