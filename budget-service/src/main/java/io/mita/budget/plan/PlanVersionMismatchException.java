package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** If-Match names a version of the plan that is not the current one (someone changed it meanwhile): 412. */
class PlanVersionMismatchException extends ProblemException {

    PlanVersionMismatchException(java.time.YearMonth month) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "PLAN_VERSION_MISMATCH",
                "Plan version mismatch",
                "The plan of " + month
                        + " was changed by another request; read it again (GET) and retry with its ETag.");
    }
}
