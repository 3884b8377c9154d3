package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No live goal with this id belongs to the caller (it may not exist, be deleted, or be someone else's). */
class GoalNotFoundException extends ProblemException {

    GoalNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "GOAL_NOT_FOUND", "Goal not found", "No goal " + id + " exists.");
    }
}
