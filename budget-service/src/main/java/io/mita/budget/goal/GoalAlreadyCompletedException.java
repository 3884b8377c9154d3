package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The goal is completed, which is final: no contribution, pause, resume, completion or change of its target. */
class GoalAlreadyCompletedException extends ProblemException {

    GoalAlreadyCompletedException(UUID id, String refused) {
        super(
                HttpStatus.CONFLICT,
                "GOAL_ALREADY_COMPLETED",
                "Goal already completed",
                "Goal " + id + " is completed: " + refused + " is not possible any more.");
    }
}
