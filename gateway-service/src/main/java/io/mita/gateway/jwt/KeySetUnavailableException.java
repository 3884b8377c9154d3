package io.mita.gateway.jwt;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The gateway has no key set yet and auth-service's JWKS could not be fetched: no token can be checked, which is an
 * unavailable upstream (503, retry later), not a fault of the request and not an internal error.
 */
class KeySetUnavailableException extends ProblemException {

    KeySetUnavailableException(Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "GATEWAY_UPSTREAM_UNAVAILABLE",
                "Service unavailable",
                "Access tokens cannot be checked right now; retry later.");
        initCause(cause);
    }
}
