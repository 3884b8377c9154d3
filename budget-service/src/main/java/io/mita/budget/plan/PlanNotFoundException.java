package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The caller has no plan for this month: 404 {@code PLAN_NOT_FOUND}. */
class PlanNotFoundException extends ProblemException {

    PlanNotFoundException(java.time.YearMonth month) {
        super(HttpStatus.NOT_FOUND, "PLAN_NOT_FOUND", "Plan not found", "You have no plan for " + month + ".");
    }
}
