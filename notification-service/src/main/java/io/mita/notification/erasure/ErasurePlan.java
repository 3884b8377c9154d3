package io.mita.notification.erasure;

import io.mita.common.erasure.UserDataErasurePlan;
import io.mita.notification.inbound.UserErased;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What notification-service deletes about a user whose account was erased ({@code mita.auth.user.erased.v1}):
 * notifications, preferences (with the e-mail address), queued and dead-lettered mail, habit days, push devices and
 * the password-reset mail records.
 *
 * <p>common-lib runs the plan ({@code io.mita.common.erasure}) with the user's lock and the tombstone
 * {@code erased_user} (V4) in one transaction, but not from its own listener ({@code mita.erasure.listener.enabled:
 * false}): the erasure is handled by the events listener ({@code DomainEventListener}, group
 * {@code notification-service-events}) so that it stays in order with the other {@code mita.auth.v1} events about the
 * user (a {@code user.registered} or {@code account.locked} before it is notified, then erased; nothing after it is
 * notified). From then on no event about the user creates a notification, queues a mail or sends a push or a reset
 * mail, and the user's still-valid access tokens answer 401 {@code AUTH_ACCOUNT_ERASED}.
 */
@Configuration(proxyBeanMethods = false)
class ErasurePlan {

    /** The processed-event inbox's consumer name of erasures (the one used before the plan existed). */
    static final String CONSUMER = "user-erasure";

    static final List<String> TABLES = List.of(
            "notification",
            "notification_preference",
            "mail_queue",
            "habit_completion",
            "device_token",
            "email_delivery");

    @Bean
    UserDataErasurePlan userDataErasurePlan() {
        return new UserDataErasurePlan(
                CONSUMER,
                UserErased.TYPE,
                TABLES.stream()
                        .map(table -> "DELETE FROM " + table + " WHERE user_id = :userId")
                        .toList());
    }
}
