package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A line of the plan states another currency than the plan: 422. */
class PlanCurrencyMismatchException extends ProblemException {

    PlanCurrencyMismatchException(String field, String given, String planCurrency) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "PLAN_CURRENCY_MISMATCH",
                "Currency mismatch",
                field + " is in " + given + " but the plan is kept in " + planCurrency + ".");
    }
}
