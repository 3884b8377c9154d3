package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** copy-previous for a month that already has a plan (PUT changes it): 409. */
class PlanAlreadyExistsException extends ProblemException {

    PlanAlreadyExistsException(java.time.YearMonth month) {
        super(
                HttpStatus.CONFLICT,
                "PLAN_ALREADY_EXISTS",
                "Plan exists",
                "The plan of " + month + " exists already; change it with PUT.");
    }
}
