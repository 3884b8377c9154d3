package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

/** A target date more than TargetDateRule.MAX_YEARS_AHEAD years ahead. */
class GoalTargetDateTooFarException extends ProblemException {

    GoalTargetDateTooFarException(LocalDate targetDate) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "GOAL_TARGET_DATE_TOO_FAR",
                "Target date too far",
                "targetDate " + targetDate + " is more than " + TargetDateRule.MAX_YEARS_AHEAD + " years ahead.");
    }
}
