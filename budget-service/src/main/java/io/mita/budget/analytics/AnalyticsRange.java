package io.mita.budget.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The months an analytics query covers, {@code from} to {@code to} inclusive: at most {@link #MAX_MONTHS}
 * months, {@code from} not after {@code to}, both within the years transactions may have (1900 to 9999).
 * Plain Java but for the problem it throws.
 */
record AnalyticsRange(YearMonth from, YearMonth to) {

    /** Two years: enough for a year-on-year chart, and a bounded answer. */
    static final int MAX_MONTHS = 24;

    static final YearMonth EARLIEST = YearMonth.of(1900, 1);
    static final YearMonth LATEST = YearMonth.of(9999, 12);

    AnalyticsRange {
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new InvalidAnalyticsRangeException("months must lie between " + EARLIEST + " and " + LATEST);
        }
        if (from.isAfter(to)) {
            throw new InvalidAnalyticsRangeException("from " + from + " is after to " + to);
        }
        if (months(from, to) > MAX_MONTHS) {
            throw new InvalidAnalyticsRangeException(
                    "at most " + MAX_MONTHS + " months at a time, " + from + " to " + to + " are " + months(from, to));
        }
    }

    static AnalyticsRange of(YearMonth month) {
        return new AnalyticsRange(month, month);
    }

    LocalDate firstDay() {
        return from.atDay(1);
    }

    LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    private static long months(YearMonth from, YearMonth to) {
        return ChronoUnit.MONTHS.between(from, to) + 1;
    }
}
