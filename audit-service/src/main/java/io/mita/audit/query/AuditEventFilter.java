package io.mita.audit.query;

import java.time.Instant;

/**
 * What a compliance query narrows the audit log to; every field is optional ({@code null} = no condition). {@code
 * email} is matched through its keyed hash: the log holds no address.
 */
record AuditEventFilter(
        String subject,
        String type,
        String source,
        String actorId,
        String correlationId,
        String email,
        Instant from,
        Instant to) {}
