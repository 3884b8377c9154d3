package io.mita.budget.habit;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A habit's category and limit do not make a rule: a limit without category or the other way round, both a
 * count and an amount, an amount without its currency, a count out of range or an amount that is no money.
 */
class InvalidHabitLimitException extends ProblemException {

    InvalidHabitLimitException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "BUDGET_HABIT_INVALID_LIMIT", "Invalid habit limit", detail);
    }
}
