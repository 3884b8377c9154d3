package io.mita.budget.plan;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The {@code {yyyy-MM}} of the plan and calendar paths: a month from January 2000 to 12 months after the
 * current one (UTC). Not a month at all ("2026-13", "26-01") is 400 {@code VALIDATION_FAILED}; a month
 * outside the range is 422 {@code PLAN_MONTH_OUT_OF_RANGE} (docs/budget.md, "Monthly plans").
 */
public final class PlanMonth {

    public static final YearMonth FIRST = YearMonth.of(2000, 1);
    public static final int MONTHS_AHEAD = 12;
    private static final Pattern FORMAT = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private PlanMonth() {}

    public static YearMonth parse(String text, Clock clock) {
        YearMonth month;
        try {
            if (text == null || !FORMAT.matcher(text).matches()) {
                throw new DateTimeParseException("not yyyy-MM", String.valueOf(text), 0);
            }
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidPlanRequestException("month", "must be a month as yyyy-MM, such as 2026-03");
        }
        YearMonth last = YearMonth.now(clock).plusMonths(MONTHS_AHEAD);
        if (month.isBefore(FIRST) || month.isAfter(last)) {
            throw new PlanMonthOutOfRangeException(text, FIRST.toString(), last.toString());
        }
        return month;
    }
}
