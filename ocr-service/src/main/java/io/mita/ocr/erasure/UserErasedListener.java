package io.mita.ocr.erasure;

import io.cloudevents.CloudEvent;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.common.events.EventPayloads;
import io.mita.ocr.inbound.UserErased;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Deletes what ocr-service holds about a user whose account was erased ({@code mita.auth.user.erased.v1}): the
 * receipts with what was read and confirmed, and with them ({@code ON DELETE CASCADE}) the stored images and the OCR
 * jobs, and the user's outbox events, published or not. Images live only in the database; Tesseract's working files
 * are deleted after each read, so no file is left. A job being read at that moment finds its receipt gone when it
 * stores the result and publishes nothing.
 *
 * <p>It reads {@code mita.auth.v1} in a consumer group of its own ({@code <service>-user-erasure}) and passes every
 * other type over. common-lib's {@link PersonalDataErasure} runs the statements in one transaction with the
 * processed-event inbox (a redelivery deletes nothing) and counts {@code mita_users_erased_total}; a malformed event
 * goes to {@code mita.auth.v1.dlt} at once, a database outage is retried until it passes (common-lib's consumer
 * error handling). Table of all services: docs/auth.md, "What each service does with {@code user.erased}".
 */
@Component
class UserErasedListener {

    static final String CONSUMER = "ocr-user-erasure";

    static final List<String> STATEMENTS = List.of(
            "DELETE FROM receipt WHERE user_id = :userId",
            "DELETE FROM outbox_event WHERE subject = CAST(:userId AS VARCHAR)");

    private static final Duration TIMEOUT = Duration.ofSeconds(8); // below the container's shutdown timeout (10 s)

    private final EventPayloads payloads;
    private final PersonalDataErasure erasure;

    UserErasedListener(EventPayloads payloads, PersonalDataErasure erasure) {
        this.payloads = payloads;
        this.erasure = erasure;
    }

    /** The group: {@code mita.erasure.consumer-group}, by default {@code <spring.application.name>-user-erasure}. */
    @KafkaListener(
            id = CONSUMER,
            topics = "mita.auth.v1",
            groupId = "${mita.erasure.consumer-group:${spring.application.name}-user-erasure}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event != null && UserErased.TYPE.equals(event.getType())) {
            UUID userId = payloads.read(event, UserErased.class).userId();
            erasure.erase(event, userId, CONSUMER, STATEMENTS).contextCapture().block(TIMEOUT);
        }
    }
}
