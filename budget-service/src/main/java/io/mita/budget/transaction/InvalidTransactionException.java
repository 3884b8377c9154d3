package io.mita.budget.transaction;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A request value that only the service can judge (a patched amount against the stored currency, a date
 * range, a header): 400 {@code VALIDATION_FAILED}, like the bean-validation failures, with the field
 * named in the detail.
 */
class InvalidTransactionException extends ProblemException {

    InvalidTransactionException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", field + ": " + message);
    }
}
