package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A goal with savings keeps its currency: its contributions were made in it. */
class GoalCurrencyLockedException extends ProblemException {

    GoalCurrencyLockedException(UUID id) {
        super(
                HttpStatus.CONFLICT,
                "GOAL_CURRENCY_LOCKED",
                "Goal currency locked",
                "Goal " + id + " already holds savings in its currency; create a new goal for another currency.");
    }
}
