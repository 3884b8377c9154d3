package io.mita.notification.feed;

import io.cloudevents.CloudEvent;
import io.mita.common.erasure.PersonalDataErasure;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Deletes everything this service holds about an erased user (auth-service's {@code user.erased}), once per event,
 * in one transaction (common-lib's {@link PersonalDataErasure}, counted in {@code mita_users_erased_total}):
 * notifications, preferences (with the e-mail address), queued and dead-lettered mail, habit days, push devices
 * and the password-reset mail records.
 */
@Service
public class EraseUser {

    static final String CONSUMER = "user-erasure";
    static final List<String> TABLES = List.of(
            "notification",
            "notification_preference",
            "mail_queue",
            "habit_completion",
            "device_token",
            "email_delivery");

    private static final List<String> STATEMENTS = TABLES.stream()
            .map(table -> "DELETE FROM " + table + " WHERE user_id = :userId")
            .toList();

    private final PersonalDataErasure erasure;

    EraseUser(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    /** Rows deleted; 0 for a duplicate event. */
    public Mono<Long> erase(CloudEvent event, UUID userId) {
        return erasure.erase(event, userId, CONSUMER, STATEMENTS);
    }
}
