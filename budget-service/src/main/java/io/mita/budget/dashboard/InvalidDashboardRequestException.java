package io.mita.budget.dashboard;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A query parameter of the dashboard the service cannot use (an unknown time zone): 400, like bean validation. */
class InvalidDashboardRequestException extends ProblemException {

    InvalidDashboardRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", field + ": " + message);
    }
}
