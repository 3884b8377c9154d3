package io.mita.budget.plan;

import java.util.List;
import java.util.UUID;

/**
 * The payload of {@code mita.budget.plan.updated.v1}: a plan as it stands after it was created, replaced or
 * copied forward. Amounts are decimal strings in {@code currency}; commitments are summed (their names may be
 * personal). Golden file: docs/events/mita.budget.plan.updated.v1.json.
 */
public record PlanUpdated(
        UUID planId,
        UUID userId,
        String month,
        String currency,
        String income,
        String commitmentsTotal,
        String savingsTarget,
        List<CategoryAmount> allocations,
        boolean allowOverAllocation,
        boolean releaseCommitments,
        boolean releaseSavings,
        long version) {

    public record CategoryAmount(String category, String amount) {}

    static PlanUpdated of(Plan plan) {
        return new PlanUpdated(
                plan.id(),
                plan.userId(),
                plan.month().toString(),
                plan.currency().getCurrencyCode(),
                PlanAmounts.toText(plan.income(), plan.currency()),
                PlanAmounts.toText(plan.commitmentsTotal(), plan.currency()),
                PlanAmounts.toText(plan.savingsTarget(), plan.currency()),
                plan.allocations().stream()
                        .map(allocation -> new CategoryAmount(
                                allocation.category(), PlanAmounts.toText(allocation.amount(), plan.currency())))
                        .toList(),
                plan.allowOverAllocation(),
                plan.releaseCommitments(),
                plan.releaseSavings(),
                plan.version());
    }
}
