package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A request value only the service can judge (an amount against a currency, a header): 400 VALIDATION_FAILED with the field named in the detail, like transactions. */
class InvalidGoalException extends ProblemException {

    InvalidGoalException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", field + ": " + message);
    }
}
