package io.mita.audit.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidAuditQueryException("'from' must be before 'to'.");
        }
        AuditEventFilter filter = new AuditEventFilter(
                blankToNull(subject),
                blankToNull(type),
                blankToNull(source),
                blankToNull(actor),
                blankToNull(correlationId),
                email(email),
                fromInstant,
                toInstant);
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

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidAuditQueryException(
                    "'" + name + "' must be an ISO-8601 date-time with offset, e.g. 2025-01-31T00:00:00Z.");
        }
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

    private static String email(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        String email = value.trim();
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            throw new InvalidAuditQueryException("'email' must be an e-mail address.");
        }
        return email;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
