package io.mita.audit.ingest;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.mita.audit.privacy.EventMasker;
import io.mita.common.events.EventExtensions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads any CloudEvent generically (the audit log keeps no payload classes) and checks what the table needs:
 * a UUID id, source, type, subject and time, and JSON data if there is data at all.
 */
@Component
class AuditEventReader {

    private final JsonMapper jsonMapper;
    private final EventMasker masker;

    AuditEventReader(JsonMapper jsonMapper, EventMasker masker) {
        this.jsonMapper = jsonMapper;
        this.masker = masker;
    }

    IncomingAuditEvent read(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            throw new InvalidAuditEventException("record carries no CloudEvent");
        }
        UUID eventId = eventId(event.getId());
        String source = required(
                "source", event.getSource() == null ? null : event.getSource().toString());
        String type = required("type", event.getType());
        String subject = required("subject", event.getSubject());
        OffsetDateTime time = event.getTime();
        if (time == null) {
            throw new InvalidAuditEventException("CloudEvent " + eventId + " has no time");
        }
        EventMasker.Masked data = data(eventId, event.getData());
        return new IncomingAuditEvent(
                eventId,
                source,
                type,
                subject,
                optional("actorid", EventExtensions.actorId(event)),
                optional("correlationid", EventExtensions.correlationId(event)),
                time.toInstant(),
                record.topic(),
                record.partition(),
                record.offset(),
                data == null ? null : json(eventId, data.data()),
                data == null ? List.of() : data.emailHashes());
    }

    private static UUID eventId(String id) {
        if (id == null) {
            throw new InvalidAuditEventException("CloudEvent has no id");
        }
        try {
            UUID uuid = UUID.fromString(id);
            if (!uuid.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditEventException("CloudEvent id is not a UUID: " + abbreviate(id));
        }
    }

    private static String required(String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAuditEventException("CloudEvent has no " + attribute);
        }
        return optional(attribute, value);
    }

    /** PostgreSQL text cannot hold NUL; reject instead of failing the whole batch's INSERT. */
    private static String optional(String attribute, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new InvalidAuditEventException("CloudEvent " + attribute + " contains a NUL character");
        }
        return value;
    }

    /** The data as a masked JSON tree with its e-mail hashes, or {@code null} without data. */
    private EventMasker.Masked data(UUID eventId, CloudEventData data) {
        if (data == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = jsonMapper.readTree(data.toBytes());
        } catch (JacksonException e) {
            throw new InvalidAuditEventException("CloudEvent " + eventId + " data is not JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            return null;
        }
        return masker.mask(tree);
    }

    private String json(UUID eventId, JsonNode tree) {
        String json = jsonMapper.writeValueAsString(tree);
        if (json.contains("\\u0000")) {
            throw new InvalidAuditEventException("CloudEvent " + eventId + " data contains a NUL character");
        }
        return json;
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
