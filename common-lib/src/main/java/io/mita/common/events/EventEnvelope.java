package io.mita.common.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 envelope every MITA event travels in, built in this one place: by the outbox relay
 * for events written to an outbox and by producers that publish directly (the gateway's security events).
 * {@code data} is JSON ({@code datacontenttype application/json}); the extensions {@code correlationid},
 * {@code actorid} and {@code traceparent} are set when known and left out otherwise.
 *
 * @param subject     what the event is about (a user id for most events); also the Kafka key
 * @param traceparent the W3C trace context of the work that caused the event ({@link TraceParent})
 */
public record EventEnvelope(
        UUID id,
        URI source,
        String type,
        String subject,
        OffsetDateTime time,
        String correlationId,
        String actorId,
        String traceparent) {

    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** The CloudEvent carrying {@code json} (the payload, already serialised) as its data. */
    public CloudEvent wrap(byte[] json) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(time)
                .withDataContentType(JSON)
                .withData(json);
        if (correlationId != null) {
            builder.withExtension(EventExtensions.CORRELATION_ID, correlationId);
        }
        if (actorId != null) {
            builder.withExtension(EventExtensions.ACTOR_ID, actorId);
        }
        if (traceparent != null) {
            builder.withExtension(EventExtensions.TRACEPARENT, traceparent);
        }
        return builder.build();
    }
}
