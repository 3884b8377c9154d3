package io.mita.audit.query;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidAuditQueryException extends ProblemException {

    InvalidAuditQueryException(String detail) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", detail);
    }
}
