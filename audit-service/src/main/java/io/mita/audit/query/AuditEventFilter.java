package io.mita.audit.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a compliance query narrows the audit log to; every field is optional ({@code null} = no condition). {@code
 * email} is matched through its keyed hash: the log holds no address. The search and the export
 * ({@code io.mita.audit.export}) take the same filters.
 */
public record AuditEventFilter(
        String subject,
        String type,
        String source,
        String actorId,
        String correlationId,
        String email,
        Instant from,
        Instant to) {

    /**
     * Checks the raw query parameters (blank = not given): {@code from}/{@code to} ISO-8601 date-times with offset,
     * {@code from} before {@code to}, {@code email} an address; anything else is 400 VALIDATION_FAILED.
     */
    public static AuditEventFilter of(
            String subject,
            String type,
            String source,
            String actor,
            String correlationId,
            String email,
            String from,
            String to) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidAuditQueryException("'from' must be before 'to'.");
        }
        return new AuditEventFilter(
                blankToNull(subject),
                blankToNull(type),
                blankToNull(source),
                blankToNull(actor),
                blankToNull(correlationId),
                email(email),
                fromInstant,
                toInstant);
    }

    /**
     * The filters given, by their query parameter names, for the access trail (a new, modifiable map); the times
     * as ISO-8601 instants. The e-mail is masked by the trail like any event data.
     */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "subject", subject);
        put(details, "type", type);
        put(details, "source", source);
        put(details, "actor", actorId);
        put(details, "correlationId", correlationId);
        put(details, "email", email);
        put(details, "from", from);
        put(details, "to", to);
        return details;
    }

    private static void put(Map<String, String> details, String name, Object value) {
        if (value != null) {
            details.put(name, value.toString());
        }
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
