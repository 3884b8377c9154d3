package io.mita.auth.export;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problem+json answers of the export endpoints, one stable code each. */
final class DataExportProblems {

    private DataExportProblems() {}

    /** A second request while one is being built: 409 {@code AUTH_EXPORT_PENDING}. */
    static final class ExportPendingException extends ProblemException {
        ExportPendingException() {
            super(
                    HttpStatus.CONFLICT,
                    "AUTH_EXPORT_PENDING",
                    "Export in progress",
                    "An export of your data is being prepared; wait for it before asking for another.");
        }
    }

    /** More requests within 24 hours than allowed: 429 {@code AUTH_EXPORT_LIMIT_REACHED}. */
    static final class ExportLimitReachedException extends ProblemException {
        ExportLimitReachedException(int maxPerDay) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "AUTH_EXPORT_LIMIT_REACHED",
                    "Too many exports",
                    "At most " + maxPerDay + " exports of your data can be requested within 24 hours.");
        }
    }

    /** No export of this id for the caller (someone else's is not found either): 404 {@code AUTH_EXPORT_NOT_FOUND}. */
    static final class ExportNotFoundException extends ProblemException {
        ExportNotFoundException(UUID id) {
            super(HttpStatus.NOT_FOUND, "AUTH_EXPORT_NOT_FOUND", "Export not found", "No export " + id + ".");
        }
    }

    /** The export's download time is over: 404 {@code AUTH_EXPORT_EXPIRED} (the contract has no 410). */
    static final class ExportExpiredException extends ProblemException {
        ExportExpiredException(UUID id) {
            super(
                    HttpStatus.NOT_FOUND,
                    "AUTH_EXPORT_EXPIRED",
                    "Export expired",
                    "Export " + id + " can no longer be downloaded; request a new one.");
        }
    }

    /** Download of an export that is PENDING or FAILED: 409 {@code AUTH_EXPORT_NOT_READY}. */
    static final class ExportNotReadyException extends ProblemException {
        ExportNotReadyException(UUID id, DataExport.Status status) {
            super(
                    HttpStatus.CONFLICT,
                    "AUTH_EXPORT_NOT_READY",
                    "Export not ready",
                    "Export " + id + " is " + status + "; only a READY export can be downloaded.");
        }
    }
}
