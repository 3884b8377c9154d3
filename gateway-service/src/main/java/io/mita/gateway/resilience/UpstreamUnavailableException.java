package io.mita.gateway.resilience;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A downstream service did not answer in time, refused the connection, or its breaker is open. */
class UpstreamUnavailableException extends ProblemException {

    static final String CODE = "GATEWAY_UPSTREAM_UNAVAILABLE";

    UpstreamUnavailableException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                CODE,
                "Service unavailable",
                "The service behind this path is unavailable or too slow right now; retry later.");
    }
}
