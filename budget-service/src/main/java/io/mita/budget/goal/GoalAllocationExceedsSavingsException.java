package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.time.YearMonth;
import org.springframework.http.HttpStatus;

/** The goals' monthly allocations together would exceed the savings target of the month's plan. */
class GoalAllocationExceedsSavingsException extends ProblemException {

    GoalAllocationExceedsSavingsException(YearMonth month, String savingsTarget, String available, String currency) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "GOAL_ALLOCATION_EXCEEDS_SAVINGS",
                "Allocation exceeds the savings target",
                "The plan for " + month + " saves " + savingsTarget + " " + currency + "; at most " + available + " "
                        + currency + " is left for this goal.");
    }
}
