package io.mita.common.erasure;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Erases a user's data when auth-service's {@code user.erased} arrives, for every service that declares a
 * {@link UserDataErasurePlan}. It reads {@code mita.erasure.topic} (default {@code mita.auth.v1}) in a consumer group
 * of its own ({@code mita.erasure.consumer-group}, default {@code <spring.application.name>-user-erasure}) and
 * passes every other type over. {@link PersonalDataErasure} runs the plan in one transaction with the processed-event
 * inbox (a redelivery deletes nothing) and counts {@code mita_users_erased_total}; a malformed event goes to
 * {@code <topic>.dlt} at once, a database outage is retried until it passes (common-lib's consumer error handling).
 * Off with {@code mita.erasure.listener.enabled=false} for a service that erases from its own listener.
 */
public class UserErasedListener {

    /** The listener container's id. */
    public static final String ID = "user-erasure";

    private static final Duration TIMEOUT = Duration.ofSeconds(8); // below the container's shutdown timeout (10 s)

    private final UserDataErasure erasure;

    public UserErasedListener(UserDataErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(
            id = ID,
            topics = "${mita.erasure.topic:mita.auth.v1}",
            groupId = "${mita.erasure.consumer-group:${spring.application.name}-user-erasure}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (erasure.asksForErasure(event)) {
            erasure.erase(event).contextCapture().block(TIMEOUT);
        }
    }
}
