package io.mita.gateway.bodylimit;

import io.mita.common.problem.ProblemException;
import io.mita.common.problem.Problems;

/**
 * A request body above the limit of its path. Raised before the body is read when
 * {@code Content-Length} says so, or while a chunked body streams through.
 */
public class BodyTooLargeException extends ProblemException {

    BodyTooLargeException() {
        super(
                Problems.payloadTooLarge().status(),
                Problems.payloadTooLarge().code(),
                Problems.payloadTooLarge().title(),
                Problems.payloadTooLarge().detail());
    }

    /** The body-limit failure inside {@code failure}, if there is one. */
    public static BodyTooLargeException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
