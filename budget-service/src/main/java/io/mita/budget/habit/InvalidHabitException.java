package io.mita.budget.habit;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A request value only the service can judge (a patched member, a start date): 400 {@code VALIDATION_FAILED}
 * like the bean-validation failures, with the member named in the detail.
 */
class InvalidHabitException extends ProblemException {

    InvalidHabitException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", field + ": " + message);
    }
}
