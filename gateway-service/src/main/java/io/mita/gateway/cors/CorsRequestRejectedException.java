package io.mita.gateway.cors;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A browser request from an origin outside the allowlist, or a preflight asking for a method or header we refuse. */
class CorsRequestRejectedException extends ProblemException {

    static final String CODE = "CORS_REQUEST_REJECTED";

    CorsRequestRejectedException() {
        super(
                HttpStatus.FORBIDDEN,
                CODE,
                "Cross-origin request refused",
                "This origin, method or header is not allowed to call the API from a browser.");
    }
}
