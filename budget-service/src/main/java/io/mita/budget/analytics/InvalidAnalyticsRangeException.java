package io.mita.budget.analytics;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Months that make no range: reversed, longer than the cap, or outside the years transactions may have. */
class InvalidAnalyticsRangeException extends ProblemException {

    InvalidAnalyticsRangeException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "BUDGET_ANALYTICS_RANGE_INVALID", "Invalid analytics range", detail);
    }
}
