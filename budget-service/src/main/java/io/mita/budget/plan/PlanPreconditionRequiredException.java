package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Changing an existing plan needs If-Match with its ETag (or *), so no edit silently overwrites another: 428. */
class PlanPreconditionRequiredException extends ProblemException {

    PlanPreconditionRequiredException(java.time.YearMonth month) {
        super(
                HttpStatus.PRECONDITION_REQUIRED,
                "PLAN_PRECONDITION_REQUIRED",
                "If-Match required",
                "The plan of " + month + " exists: send If-Match with the ETag of the version you read.");
    }
}
