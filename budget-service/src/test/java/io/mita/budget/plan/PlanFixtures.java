package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Plans as a use case receives them (category names as a client states them), amounts in euro cents. */
final class PlanFixtures {

    static final Currency EUR = Currency.getInstance("EUR");

    private PlanFixtures() {}

    /** Income 2,500.00, rent 900.00, savings 300.00, groceries 400.00 and dining 150.00. */
    static Plan aPlan(UUID userId, YearMonth month) {
        return plan(
                userId,
                month,
                250_000,
                30_000,
                List.of(new Plan.Commitment("Rent", 90_000)),
                List.of(allocation("groceries", 40_000), allocation("dining", 15_000)));
    }

    static Plan plan(
            UUID userId,
            YearMonth month,
            long income,
            long savings,
            List<Plan.Commitment> commitments,
            List<Plan.Allocation> allocations) {
        return new Plan(
                null,
                userId,
                month,
                EUR,
                income,
                savings,
                commitments,
                new ArrayList<>(allocations),
                false,
                false,
                false,
                null,
                null,
                null);
    }

    static Plan.Allocation allocation(String category, long amount) {
        return new Plan.Allocation(category, amount, null);
    }

    static Plan with(Plan plan, boolean allowOverAllocation, boolean releaseCommitments, boolean releaseSavings) {
        return new Plan(
                plan.id(),
                plan.userId(),
                plan.month(),
                plan.currency(),
                plan.income(),
                plan.savingsTarget(),
                plan.commitments(),
                plan.allocations(),
                allowOverAllocation,
                releaseCommitments,
                releaseSavings,
                plan.createdAt(),
                plan.updatedAt(),
                plan.version());
    }

    static Plan withAllocations(Plan plan, List<Plan.Allocation> allocations) {
        return new Plan(
                plan.id(),
                plan.userId(),
                plan.month(),
                plan.currency(),
                plan.income(),
                plan.savingsTarget(),
                plan.commitments(),
                allocations,
                plan.allowOverAllocation(),
                plan.releaseCommitments(),
                plan.releaseSavings(),
                plan.createdAt(),
                plan.updatedAt(),
                plan.version());
    }

    static long sum(long[] amounts) {
        long total = 0;
        for (long amount : amounts) {
            total += amount;
        }
        return total;
    }
}
