package io.mita.budget.plan;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A path or query value only the service can judge (the month, If-Match, income): 400, like bean validation. */
public class InvalidPlanRequestException extends ProblemException {

    public InvalidPlanRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", field + ": " + message);
    }
}
