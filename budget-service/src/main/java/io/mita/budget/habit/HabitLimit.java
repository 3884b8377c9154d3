package io.mita.budget.habit;

import io.mita.budget.money.Money;
import java.math.BigDecimal;

/**
 * What a checked habit allows per period: at most {@code maxCount} expenses of its category (any currency),
 * or at most {@code maxAmount} spent on it (only expenses in that amount's currency count: there is no
 * exchange rate in a budget). Exactly one of the two is set. Plain Java but for the problem it throws.
 */
record HabitLimit(Integer maxCount, Money maxAmount) {

    /** The largest count a limit may name: far above any real habit, small enough to be a mistake beyond. */
    static final int MAX_COUNT = 10_000;

    HabitLimit {
        if ((maxCount == null) == (maxAmount == null)) {
            throw new InvalidHabitLimitException("a limit is either maxCount or maxAmount with its currency");
        }
        if (maxCount != null && (maxCount < 0 || maxCount > MAX_COUNT)) {
            throw new InvalidHabitLimitException("maxCount must be between 0 and " + MAX_COUNT);
        }
    }

    static HabitLimit count(int maxCount) {
        return new HabitLimit(maxCount, null);
    }

    static HabitLimit amount(Money maxAmount) {
        return new HabitLimit(null, maxAmount);
    }

    boolean isAmount() {
        return maxAmount != null;
    }

    /** The currency whose expenses count towards an amount limit; null for a count limit. */
    String currencyCode() {
        return maxAmount == null ? null : maxAmount.currencyCode();
    }

    /** Whether a period with these expenses stays within the limit. */
    boolean allows(long expenses, BigDecimal spent) {
        return maxAmount == null ? expenses <= maxCount : spent.compareTo(maxAmount.amount()) <= 0;
    }
}
