package io.mita.audit.query;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidCursorException extends ProblemException {

    InvalidCursorException() {
        super(
                HttpStatus.BAD_REQUEST,
                "AUDIT_INVALID_CURSOR",
                "Invalid cursor",
                "The cursor is not one this API returned; pass nextCursor back unchanged.");
    }
}
