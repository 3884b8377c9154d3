package io.mita.notification.preference;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Preferences that cannot be kept: an unknown time zone or language, half of the quiet hours. */
class InvalidPreferencesException extends ProblemException {

    InvalidPreferencesException(String detail) {
        super(HttpStatus.BAD_REQUEST, "NOTIFICATION_INVALID_PREFERENCES", "Invalid notification preferences", detail);
    }
}
