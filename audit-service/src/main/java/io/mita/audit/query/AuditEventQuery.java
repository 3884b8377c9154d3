package io.mita.audit.query;

import java.util.UUID;

/**
 * One page request against the audit log: the filter, where the page starts ({@code beforeSeq}, from the cursor;
 * {@code null} for the newest events) and how many events it holds.
 */
record AuditEventQuery(AuditEventFilter filter, Long beforeSeq, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** Checks the raw query parameters; a bad cursor is {@code AUDIT_INVALID_CURSOR}, anything else VALIDATION_FAILED. */
    static AuditEventQuery of(
            String subject,
            String type,
            String source,
            String actor,
            String correlationId,
            String email,
            String from,
            String to,
            String cursor,
            String limit) {
        AuditEventFilter filter = AuditEventFilter.of(subject, type, source, actor, correlationId, email, from, to);
        Long beforeSeq = cursor == null || cursor.isEmpty() ? null : AuditCursor.decode(cursor);
        return new AuditEventQuery(filter, beforeSeq, limit(limit));
    }

    static UUID eventId(String eventId) {
        try {
            UUID uuid = UUID.fromString(eventId);
            if (uuid.toString().equalsIgnoreCase(eventId)) {
                return uuid;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new InvalidAuditQueryException("The event id must be a UUID.");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQueryException("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }
}
