package io.mita.budget.habit;

import java.util.List;

/**
 * A habit's record: the streak of kept periods up to now (a pending current period neither extends nor breaks
 * it), the longest streak ever, how many periods were kept and missed, and every period from the start.
 */
record HabitProgress(int currentStreak, int longestStreak, int kept, int missed, List<PeriodOutcome> periods) {

    HabitProgress {
        periods = List.copyOf(periods);
    }

    /** The same record with only the latest {@code count} periods listed (the figures stay those of all). */
    HabitProgress latest(int count) {
        return new HabitProgress(
                currentStreak,
                longestStreak,
                kept,
                missed,
                periods.subList(Math.max(0, periods.size() - count), periods.size()));
    }
}
