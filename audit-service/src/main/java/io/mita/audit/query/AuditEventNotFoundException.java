package io.mita.audit.query;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class AuditEventNotFoundException extends ProblemException {

    AuditEventNotFoundException(String eventId) {
        super(
                HttpStatus.NOT_FOUND,
                "AUDIT_EVENT_NOT_FOUND",
                "Audit event not found",
                "No audit event has the id " + eventId + ".");
    }
}
