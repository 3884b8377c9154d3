package io.mita.audit.export;

import io.mita.audit.query.StoredAuditEvent;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The NDJSON export: one JSON object per line, shaped like an item of the search API. The event's data is written
 * as the JSON text the log holds, not parsed again (PostgreSQL's text of a jsonb value has no line breaks; any
 * other text is parsed and written compactly, so a line is always one event).
 */
final class NdjsonEventLines implements EventLines {

    private final JsonMapper jsonMapper;

    NdjsonEventLines(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** One exported event; the fields and their order of {@code AuditEventResponse}. */
    record ExportedEvent(
            UUID eventId,
            String source,
            String type,
            String subject,
            String actorId,
            String correlationId,
            Instant occurredAt,
            Instant receivedAt,
            RawValue data,
            boolean personalDataErased) {}

    @Override
    public String header() {
        return "";
    }

    @Override
    public String line(StoredAuditEvent event) {
        ExportedEvent exported = new ExportedEvent(
                event.eventId(),
                event.source(),
                event.type(),
                event.subject(),
                event.actorId(),
                event.correlationId(),
                event.occurredAt(),
                event.receivedAt(),
                data(event.dataJson()),
                event.personalDataErased());
        return jsonMapper.writeValueAsString(exported) + "\n";
    }

    private RawValue data(String json) {
        if (json == null) {
            return null;
        }
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            return new RawValue(jsonMapper.writeValueAsString(jsonMapper.readTree(json)));
        }
        return new RawValue(json);
    }
}
