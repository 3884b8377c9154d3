package io.mita.budget.redistribution;

import java.util.Arrays;
import java.util.Objects;

/**
 * One category's month: what is planned and what was spent on each day, in minor units of the plan currency
 * (index 0 is day 1, so both arrays are as long as the month).
 *
 * <p>Immutable: the arrays are copied on the way in and on the way out ({@link #planned()}, {@link #spent()}); use
 * {@link #plannedOn(int)} and {@link #spentOn(int)} to read single days without a copy. Equality compares the
 * array contents.
 *
 * @param category the category's stable key (e.g. its id or code); unique within a {@link MonthLedger}
 * @param role decides whether and when this category's surplus may cover other categories
 * @param priority within one role, categories are drawn from in ascending priority (0 before 1), then by name
 * @param planned planned amount per day, each at least 0
 * @param spent spent amount per day (sum of that day's transactions), each at least 0
 */
public record CategoryMonth(String category, CategoryRole role, int priority, long[] planned, long[] spent) {

    public CategoryMonth {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(spent, "spent");
        if (planned.length != spent.length) {
            throw new IllegalArgumentException(
                    "category " + category + ": planned has " + planned.length + " days but spent has " + spent.length);
        }
        planned = planned.clone();
        spent = spent.clone();
        checkNotNegative(category, "planned", planned);
        checkNotNegative(category, "spent", spent);
    }

    /** The planned amounts per day (a copy). */
    @Override
    public long[] planned() {
        return planned.clone();
    }

    /** The spent amounts per day (a copy). */
    @Override
    public long[] spent() {
        return spent.clone();
    }

    /** Number of days this month has. */
    public int days() {
        return planned.length;
    }

    /** Planned amount of one day, {@code dayOfMonth} counted from 1. */
    public long plannedOn(int dayOfMonth) {
        return planned[dayOfMonth - 1];
    }

    /** Spent amount of one day, {@code dayOfMonth} counted from 1. */
    public long spentOn(int dayOfMonth) {
        return spent[dayOfMonth - 1];
    }

    /** The month's planned total of this category. */
    public long plannedTotal() {
        return sum(planned);
    }

    /** The month's spent total of this category. */
    public long spentTotal() {
        return sum(spent);
    }

    /** The same category with other planned amounts (same role, priority and spending). */
    public CategoryMonth withPlanned(long[] newPlanned) {
        return new CategoryMonth(category, role, priority, newPlanned, spent);
    }

    /** Internal view without a copy, for the algorithm in this package only: never modify it. */
    long[] plannedView() {
        return planned;
    }

    /** Internal view without a copy, for the algorithm in this package only: never modify it. */
    long[] spentView() {
        return spent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryMonth that
                && priority == that.priority
                && category.equals(that.category)
                && role == that.role
                && Arrays.equals(planned, that.planned)
                && Arrays.equals(spent, that.spent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, role, priority, Arrays.hashCode(planned), Arrays.hashCode(spent));
    }

    @Override
    public String toString() {
        return "CategoryMonth[category=" + category + ", role=" + role + ", priority=" + priority + ", planned="
                + Arrays.toString(planned) + ", spent=" + Arrays.toString(spent) + "]";
    }

    private static void checkNotNegative(String category, String what, long[] amounts) {
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] < 0) {
                throw new IllegalArgumentException(
                        "category " + category + ": " + what + " of day " + (i + 1) + " is negative: " + amounts[i]);
            }
        }
    }

    private static long sum(long[] amounts) {
        long total = 0;
        for (long amount : amounts) {
            total = Math.addExact(total, amount);
        }
        return total;
    }
}
