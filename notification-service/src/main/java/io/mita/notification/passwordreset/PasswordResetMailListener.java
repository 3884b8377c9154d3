package io.mita.notification.passwordreset;

import io.cloudevents.CloudEvent;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import io.mita.notification.inbound.PasswordResetRequested;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to auth-service's {@code mita.auth.password-reset.requested.v1} on {@code mita.auth.v1}; every
 * other type on that topic is not this listener's business and is passed over. Failures are left to
 * common-lib's error handler: retried with back-off when transient, dead-lettered to
 * {@code mita.auth.v1.dlt} at once when they can never succeed.
 */
@Component
class PasswordResetMailListener {

    static final String TOPIC = "mita.auth.v1";
    /** Two SMTP timeouts and the database, with room to spare; far below max.poll.interval.ms. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailListener.class);

    private final EventPayloads payloads;
    private final PasswordResetMailService service;

    PasswordResetMailListener(EventPayloads payloads, PasswordResetMailService service) {
        this.payloads = payloads;
        this.service = service;
    }

    @KafkaListener(topics = TOPIC, groupId = "notification-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || !PasswordResetRequested.TYPE.equals(event.getType())) {
            log.debug(
                    "event passed over topic={} partition={} offset={}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        on(eventId(event), payloads.read(event, PasswordResetRequested.class));
    }

    void on(UUID eventId, PasswordResetRequested event) {
        String missing = event.missingMember();
        if (missing != null) {
            throw new NonRetryableEventException(
                    "event " + eventId + " of type " + PasswordResetRequested.TYPE + " lacks " + missing);
        }
        // contextCapture(): the consumer's observation (the producer's trace) reaches the chain's log lines
        service.mail(eventId, event).contextCapture().block(TIMEOUT);
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException notAUuid) {
            throw new NonRetryableEventException("event id is not a UUID: " + event.getId());
        }
    }
}
