package io.mita.audit.query;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One audit event as the API shows it; {@code data} is the event's JSON payload as it was received. */
record AuditEventResponse(
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        Instant occurredAt,
        Instant receivedAt,
        JsonNode data) {
}
