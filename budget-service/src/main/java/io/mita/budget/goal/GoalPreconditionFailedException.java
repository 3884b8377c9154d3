package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The If-Match entity tag names a version of the goal that is not the current one. */
class GoalPreconditionFailedException extends ProblemException {

    GoalPreconditionFailedException(UUID id) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "GOAL_PRECONDITION_FAILED",
                "Precondition failed",
                "Goal " + id + " is no longer at the version named in If-Match; read it again and retry.");
    }
}
