package io.mita.audit.query;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One audit event as the API shows it; {@code data} is the event's JSON payload as stored (masked), {@code null}
 * once its subject was erased ({@code personalDataErased}: the key that sealed it is destroyed).
 */
record AuditEventResponse(
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        Instant occurredAt,
        Instant receivedAt,
        JsonNode data,
        boolean personalDataErased) {}
