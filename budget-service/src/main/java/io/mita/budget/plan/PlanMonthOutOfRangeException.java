package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A month before January 2000 or more than 12 months after the current one: 422. */
public class PlanMonthOutOfRangeException extends ProblemException {

    public PlanMonthOutOfRangeException(String month, String first, String last) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "PLAN_MONTH_OUT_OF_RANGE",
                "Month out of range",
                "Month " + month + " is outside " + first + " .. " + last + ".");
    }
}
