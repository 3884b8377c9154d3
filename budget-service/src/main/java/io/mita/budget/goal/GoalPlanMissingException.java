package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.time.YearMonth;
import org.springframework.http.HttpStatus;

/** An allocation needs the savings target of the current month's plan, and there is no plan for it. */
class GoalPlanMissingException extends ProblemException {

    GoalPlanMissingException(YearMonth month) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "GOAL_NO_PLAN",
                "No plan for the month",
                "There is no plan for " + month + "; goals are allocated from a plan's savings target.");
    }
}
