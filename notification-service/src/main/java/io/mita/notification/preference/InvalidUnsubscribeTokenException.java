package io.mita.notification.preference;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An unsubscribe token this service did not sign (or that was altered). */
class InvalidUnsubscribeTokenException extends ProblemException {

    InvalidUnsubscribeTokenException() {
        super(
                HttpStatus.BAD_REQUEST,
                "NOTIFICATION_INVALID_UNSUBSCRIBE_TOKEN",
                "Invalid unsubscribe link",
                "This unsubscribe link is not valid; change your e-mail settings in the app.");
    }
}
