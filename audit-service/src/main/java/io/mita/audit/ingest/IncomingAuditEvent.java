package io.mita.audit.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * One CloudEvent as it will be appended to the audit log, already checked: everything the table requires is
 * present and {@code dataJson} (nullable) is a JSON document PostgreSQL's jsonb accepts.
 */
record IncomingAuditEvent(
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        Instant occurredAt,
        String topic,
        int partition,
        long offset,
        String dataJson) {}
