package io.mita.audit.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One CloudEvent as it will be appended to the audit log, already checked: everything the table requires is
 * present, {@code dataJson} (nullable) is a JSON document PostgreSQL's jsonb accepts, already masked, and
 * {@code emailHashes} are the keyed hashes of the e-mail addresses masking removed from it (sorted, maybe empty).
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
        String dataJson,
        List<String> emailHashes) {}
