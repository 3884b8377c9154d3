package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A contribution (or allocation) in another currency than its goal's: no conversion is made. */
class GoalCurrencyMismatchException extends ProblemException {

    GoalCurrencyMismatchException(String goalCurrency, String given) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "GOAL_CURRENCY_MISMATCH",
                "Currency mismatch",
                "The goal is kept in " + goalCurrency + "; an amount in " + given + " cannot be added to it.");
    }
}
