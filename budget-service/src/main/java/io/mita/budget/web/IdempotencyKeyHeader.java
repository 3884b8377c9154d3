package io.mita.budget.web;

import io.mita.common.problem.ProblemException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** The {@code Idempotency-Key} header of the creating requests (transactions, goal contributions): one format. */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";

    /** Printable ASCII, 1 to 128 characters, no leading or trailing space. */
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,126}[\\x21-\\x7E])?");

    private IdempotencyKeyHeader() {}

    /** A key that is absent or well-formed passes; any other is 400 {@code VALIDATION_FAILED}. */
    public static void check(String key) {
        if (key != null && !FORMAT.matcher(key).matches()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    NAME + ": must be 1 to 128 printable ASCII characters without leading or trailing spaces");
        }
    }
}
