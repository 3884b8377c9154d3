package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

/** A target date that has passed everywhere on Earth (TargetDateRule). */
class GoalTargetDateInPastException extends ProblemException {

    GoalTargetDateInPastException(LocalDate targetDate) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "GOAL_TARGET_DATE_IN_PAST",
                "Target date in the past",
                "targetDate " + targetDate + " has passed; choose today or a later date.");
    }
}
