package io.mita.notification.mail;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No dead-lettered mail with that id (never there, already replayed or sent). */
class DeadLetterNotFoundException extends ProblemException {

    DeadLetterNotFoundException() {
        super(
                HttpStatus.NOT_FOUND,
                "NOTIFICATION_DEAD_LETTER_NOT_FOUND",
                "Dead letter not found",
                "There is no dead-lettered mail with this id.");
    }
}
