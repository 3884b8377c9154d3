package io.mita.gateway.ratelimit;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A bucket of this request had no token left; {@code Retry-After} says when to try again. */
class RateLimitedException extends ProblemException {

    static final String CODE = "RATE_LIMITED";

    RateLimitedException() {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                CODE,
                "Too many requests",
                "This client sent too many requests; retry after the number of seconds in Retry-After.");
    }
}
