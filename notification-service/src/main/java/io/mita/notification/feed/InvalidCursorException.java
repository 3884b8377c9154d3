package io.mita.notification.feed;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A cursor that this service did not make (or that was altered). */
class InvalidCursorException extends ProblemException {

    InvalidCursorException() {
        super(
                HttpStatus.BAD_REQUEST,
                "NOTIFICATION_INVALID_CURSOR",
                "Invalid cursor",
                "The cursor is not one this API returned; start again without a cursor.");
    }
}
