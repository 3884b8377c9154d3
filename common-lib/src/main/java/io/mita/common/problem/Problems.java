package io.mita.common.problem;

import org.springframework.http.HttpStatus;

/** The generic problems every service answers with the same code. */
public final class Problems {

    private Problems() {}

    public static Problem unauthenticated() {
        return Problem.of(
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED",
                "Authentication required",
                "A valid access token is required.");
    }

    public static Problem forbidden() {
        return Problem.of(
                HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN", "Forbidden", "The caller's roles do not allow this operation.");
    }

    public static Problem notFound() {
        return Problem.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "No resource exists at this path.");
    }

    public static Problem payloadTooLarge() {
        return Problem.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Payload too large",
                "The request body exceeds the size this endpoint accepts.");
    }

    public static Problem upstreamUnavailable(HttpStatus status) {
        return Problem.of(
                status,
                "UPSTREAM_UNAVAILABLE",
                "Service unavailable",
                "A service needed for this request is unavailable; retry later.");
    }

    /** The service's own database cannot be reached (refused, reset, pool exhausted): worth a retry later. */
    public static Problem databaseUnavailable() {
        return Problem.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE",
                "Service unavailable",
                "The service cannot reach its database right now; retry later.");
    }

    public static Problem internalError() {
        return Problem.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "The request could not be completed. Quote the errorId when reporting it.");
    }
}
