package io.mita.budget.redistribution;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Spreads a category's flexible monthly amount over the days of a month: evenly by default, or by a weight per
 * weekday (e.g. weekends weigh 2, other days 1). Exact to the minor unit: each day gets its proportional share
 * rounded down, and the units still missing go one each to the days with the largest remainders, ties to the
 * earlier day (largest remainder method). Pure and deterministic; instances are immutable and thread-safe.
 */
public final class DailySpread {

    /** The largest weight one weekday may have (keeps the arithmetic far from overflow and the intent readable). */
    public static final int MAX_WEIGHT = 1_000_000;

    private static final DailySpread EVEN = new DailySpread(new long[] {1, 1, 1, 1, 1, 1, 1});

    /** Weight per {@link DayOfWeek#ordinal()} (Monday first). */
    private final long[] weights;

    private DailySpread(long[] weights) {
        this.weights = weights;
    }

    /** Every day of the month weighs the same. */
    public static DailySpread even() {
        return EVEN;
    }

    /**
     * One weight per weekday; a weekday missing from the map weighs 1 (the even weight), so
     * {@code Map.of(SATURDAY, 2, SUNDAY, 2)} means "twice as much on weekends". A weight is between 0 and
     * {@link #MAX_WEIGHT}; at least one weekday weighs more than 0 (every month contains every weekday, so then
     * every month has days to spread over).
     */
    public static DailySpread byWeekday(Map<DayOfWeek, Integer> weights) {
        Objects.requireNonNull(weights, "weights");
        long[] byOrdinal = {1, 1, 1, 1, 1, 1, 1};
        weights.forEach((day, weight) -> {
            Objects.requireNonNull(day, "weekday");
            Objects.requireNonNull(weight, "weight of " + day);
            if (weight < 0 || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException(
                        "the weight of " + day + " must be between 0 and " + MAX_WEIGHT + ", got " + weight);
            }
            byOrdinal[day.ordinal()] = weight;
        });
        if (Arrays.stream(byOrdinal).allMatch(weight -> weight == 0)) {
            throw new IllegalArgumentException("at least one weekday must weigh more than 0");
        }
        return new DailySpread(byOrdinal);
    }

    /** The weight of a weekday. */
    public long weightOf(DayOfWeek day) {
        return weights[day.ordinal()];
    }

    /**
     * The amount per day of {@code month} (index 0 is day 1), adding up to exactly {@code amount}.
     *
     * @param amount minor units, at least 0
     */
    public long[] spread(long amount, YearMonth month) {
        Objects.requireNonNull(month, "month");
        if (amount < 0) {
            throw new IllegalArgumentException("cannot spread a negative amount: " + amount);
        }
        int days = month.lengthOfMonth();
        long[] dayWeights = new long[days];
        int firstDay = month.atDay(1).getDayOfWeek().ordinal();
        long total = 0;
        for (int day = 0; day < days; day++) {
            dayWeights[day] = weights[(firstDay + day) % 7];
            total += dayWeights[day];
        }
        long[] shares = new long[days];
        LargestRemainder.split(amount, dayWeights, 0, days, total, shares, new long[days]);
        return shares;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DailySpread that && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "DailySpread" + Arrays.toString(weights);
    }
}
