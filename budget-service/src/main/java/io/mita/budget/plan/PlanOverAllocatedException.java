package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The categories' allocations exceed income minus commitments and savings, and the plan does not say so deliberately (allowOverAllocation): 422. */
class PlanOverAllocatedException extends ProblemException {

    PlanOverAllocatedException(String allocated, String available) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "PLAN_OVER_ALLOCATED",
                "Plan over-allocated",
                "The categories are allocated " + allocated + " but income minus commitments and savings leaves "
                        + available + "; lower the allocations or set allowOverAllocation.");
    }
}
