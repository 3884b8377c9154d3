package io.mita.budget.habit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a habit is judged, without its name or owner. With a {@code category} (and then a {@link HabitLimit})
 * the habit is checked against the user's expenses; without, it is kept by hand (marked days). Days before
 * {@code startsOn}, and weekends when {@code weekdaysOnly}, are not tracked: no mark is taken for them and no
 * expense on them counts. Plain Java but for the problem it throws.
 */
record HabitRule(String category, HabitLimit limit, HabitPeriod period, boolean weekdaysOnly, LocalDate startsOn) {

    HabitRule {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(startsOn, "startsOn");
        if ((category == null) != (limit == null)) {
            throw new InvalidHabitLimitException(
                    category == null
                            ? "a limit needs the category whose expenses it counts"
                            : "a habit with a category needs a limit (maxCount or maxAmount)");
        }
    }

    /** Checked against the transactions rather than marked by hand. */
    boolean automatic() {
        return category != null;
    }

    boolean tracks(LocalDate day) {
        return !day.isBefore(startsOn) && (!weekdaysOnly || !isWeekend(day));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
