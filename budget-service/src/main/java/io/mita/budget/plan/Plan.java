package io.mita.budget.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One user's plan of one month: a row of table {@code budget_plan}. Amounts are minor units of
 * {@link #currency()}. {@link #version()} is the ETag (null: not stored yet).
 */
record Plan(
        UUID id,
        UUID userId,
        YearMonth month,
        Currency currency,
        long income,
        long savingsTarget,
        List<Commitment> commitments,
        List<Allocation> allocations,
        boolean allowOverAllocation,
        boolean releaseCommitments,
        boolean releaseSavings,
        Instant createdAt,
        Instant updatedAt,
        Long version) {

    /** A fixed commitment (rent, a subscription): paid whatever happens, not spread over days. */
    record Commitment(String name, long amount) {}

    /**
     * What a category may spend in the month, spread over its days by weekday weights (Monday first; null:
     * evenly).
     */
    record Allocation(String category, long amount, List<Integer> weekdayWeights) {

        int weightOf(DayOfWeek day) {
            return weekdayWeights == null ? 1 : weekdayWeights.get(day.getValue() - 1);
        }
    }

    Plan {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(currency, "currency");
        commitments = List.copyOf(commitments);
        allocations = List.copyOf(allocations);
    }

    long commitmentsTotal() {
        return commitments.stream().mapToLong(Commitment::amount).sum();
    }

    long allocatedTotal() {
        return allocations.stream().mapToLong(Allocation::amount).sum();
    }

    /** What income leaves for the categories: income minus commitments and the savings target (may be negative). */
    long available() {
        return income - commitmentsTotal() - savingsTarget;
    }

    Allocation allocation(String category) {
        return allocations.stream()
                .filter(allocation -> allocation.category().equals(category))
                .findFirst()
                .orElse(null);
    }

    /** The same content as a new plan of another month (copy-previous). */
    Plan copiedTo(YearMonth target, UUID newId, Instant now) {
        return new Plan(
                newId,
                userId,
                target,
                currency,
                income,
                savingsTarget,
                commitments,
                allocations,
                allowOverAllocation,
                releaseCommitments,
                releaseSavings,
                now,
                now,
                null);
    }

    Plan replacedBy(Plan content, Instant now) {
        return new Plan(
                id,
                userId,
                month,
                content.currency,
                content.income,
                content.savingsTarget,
                content.commitments,
                content.allocations,
                content.allowOverAllocation,
                content.releaseCommitments,
                content.releaseSavings,
                createdAt,
                now,
                version);
    }

    boolean sameContentAs(Plan other) {
        return currency.equals(other.currency)
                && income == other.income
                && savingsTarget == other.savingsTarget
                && commitments.equals(other.commitments)
                && allocations.equals(other.allocations)
                && allowOverAllocation == other.allowOverAllocation
                && releaseCommitments == other.releaseCommitments
                && releaseSavings == other.releaseSavings;
    }
}
