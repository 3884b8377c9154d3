package io.mita.common.outbox;

import io.cloudevents.CloudEvent;
import io.mita.common.events.EventEnvelope;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the outbox, and the CloudEvent it is published as. */
record OutboxRecord(
        long seq,
        UUID eventId,
        String source,
        String type,
        String subject,
        OffsetDateTime occurredAt,
        String correlationId,
        String actorId,
        String traceparent,
        String data) {

    static final String COLUMNS =
            "seq, event_id, source, type, subject, occurred_at, correlation_id, actor_id, traceparent, data::text AS data";

    static OutboxRecord from(Readable row) {
        return new OutboxRecord(
                row.get("seq", Long.class),
                row.get("event_id", UUID.class),
                row.get("source", String.class),
                row.get("type", String.class),
                row.get("subject", String.class),
                row.get("occurred_at", OffsetDateTime.class),
                row.get("correlation_id", String.class),
                row.get("actor_id", String.class),
                row.get("traceparent", String.class),
                row.get("data", String.class));
    }

    CloudEvent toCloudEvent() {
        return new EventEnvelope(
                        eventId, URI.create(source), type, subject, occurredAt, correlationId, actorId, traceparent)
                .wrap(data.getBytes(StandardCharsets.UTF_8));
    }
}
