package io.mita.audit.query;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit log as the query side reads it; {@code dataJson} is the event's data as JSON text (opened
 * with its subject's key), {@code null} without data or once the subject was erased ({@code personalDataErased}). {@code seq} is the
 * log's append order (the keyset of the search and the export), never shown to clients.
 */
public record StoredAuditEvent(
        long seq,
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        Instant occurredAt,
        Instant receivedAt,
        String dataJson,
        boolean personalDataErased) {}
