package io.mita.audit.ingest;

import io.mita.common.events.NonRetryableEventException;

/**
 * A record that can never be stored (missing or malformed CloudEvent attributes, or a row the
 * audit store refuses). Retrying cannot help: the
 * common error handler sends it straight to {@code <topic>.dlt}.
 */
class InvalidAuditEventException extends NonRetryableEventException {

    InvalidAuditEventException(String message) {
        super(message);
    }

    InvalidAuditEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
