package io.mita.budget.goal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which target dates a goal may have.
 *
 * <p>Decision: the API has no time zone, so "in the past" means past everywhere: a date before today in
 * UTC−12, the last zone to leave a day. A user west of UTC whose phone still shows yesterday's UTC date
 * can pick their today; a date that is gone for everyone is refused (422 {@code
 * GOAL_TARGET_DATE_IN_PAST}). At most {@value #MAX_YEARS_AHEAD} years ahead (422 {@code
 * GOAL_TARGET_DATE_TOO_FAR}), which catches mistyped years. Only a date the request states is
 * checked: a goal whose date has passed since it was set stays as it is (its health says AT_RISK).
 */
final class TargetDateRule {

    static final int MAX_YEARS_AHEAD = 100;
    private static final ZoneOffset LAST_ZONE = ZoneOffset.ofHours(-12);

    private TargetDateRule() {}

    static void check(LocalDate targetDate, Clock clock) {
        LocalDate earliest = LocalDate.now(clock.withZone(LAST_ZONE));
        if (targetDate.isBefore(earliest)) {
            throw new GoalTargetDateInPastException(targetDate);
        }
        if (targetDate.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(MAX_YEARS_AHEAD))) {
            throw new GoalTargetDateTooFarException(targetDate);
        }
    }
}
