package io.mita.audit.query;

import java.time.Instant;

/** What a compliance query narrows the audit log to; every field is optional ({@code null} = no condition). */
record AuditEventFilter(
        String subject, String type, String source, String actorId, String correlationId, Instant from, Instant to) {}
