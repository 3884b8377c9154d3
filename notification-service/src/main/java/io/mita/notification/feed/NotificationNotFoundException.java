package io.mita.notification.feed;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No notification of the caller's with that id (someone else's answers the same). */
class NotificationNotFoundException extends ProblemException {

    NotificationNotFoundException() {
        super(
                HttpStatus.NOT_FOUND,
                "NOTIFICATION_NOT_FOUND",
                "Notification not found",
                "You have no notification with this id.");
    }
}
