package io.mita.budget.goal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a month's plan savings target is shared among goals. Pure domain: no framework in here; the rule is in
 * docs/budget.md, "Goals", "Plan savings".
 *
 * <ul>
 *   <li>The monthly allocations of a user's goals that are not completed, together, never exceed the savings
 *       target of the month's plan ({@link #fits}).
 *   <li>The automatic transfer of a month pays the goals with an automatic transfer in the order given
 *       (creation order), each its whole allocation, as long as the running total stays within that month's
 *       savings target; a goal that no longer fits (the plan's target was lowered since) is skipped that month
 *       rather than paid in part ({@link #payable}).
 * </ul>
 */
final class SavingsAllocations {

    /** One goal's monthly allocation, in the plan's currency. */
    record Allocation(UUID goalId, BigDecimal monthly) {

        Allocation {
            Objects.requireNonNull(goalId, "goalId");
            Objects.requireNonNull(monthly, "monthly");
        }
    }

    private SavingsAllocations() {}

    /** Whether {@code requested} for one goal fits beside the {@code others}' allocations. */
    static boolean fits(BigDecimal savingsTarget, List<BigDecimal> others, BigDecimal requested) {
        return total(others).add(requested).compareTo(savingsTarget) <= 0;
    }

    /** What is left of the savings target beside the {@code others}' allocations (never below 0). */
    static BigDecimal available(BigDecimal savingsTarget, List<BigDecimal> others) {
        return savingsTarget.subtract(total(others)).max(BigDecimal.ZERO);
    }

    /** The goals a month's automatic transfer pays, in the given order. */
    static List<UUID> payable(BigDecimal savingsTarget, List<Allocation> inOrder) {
        List<UUID> paid = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Allocation allocation : inOrder) {
            BigDecimal next = total.add(allocation.monthly());
            if (next.compareTo(savingsTarget) <= 0) {
                paid.add(allocation.goalId());
                total = next;
            }
        }
        return paid;
    }

    private static BigDecimal total(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
