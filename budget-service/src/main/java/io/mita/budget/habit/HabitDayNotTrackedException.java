package io.mita.budget.habit;

import io.mita.common.problem.ProblemException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

/** A day that cannot be marked: in the future, before the habit starts, or a weekend day of a weekdays-only habit. */
class HabitDayNotTrackedException extends ProblemException {

    HabitDayNotTrackedException(LocalDate day, String why) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "BUDGET_HABIT_DAY_NOT_TRACKED",
                "Day not tracked",
                day + " cannot be marked: " + why + ".");
    }
}
