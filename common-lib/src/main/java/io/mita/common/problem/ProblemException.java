package io.mita.common.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure that answers with one problem+json status and one stable {@code code}. Each domain error
 * is a subclass with its own code, e.g. {@code TransactionNotFoundException} → 404
 * {@code BUDGET_TRANSACTION_NOT_FOUND}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    public ProblemException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Further members of the problem+json body (e.g. a machine-readable reason); none unless a subclass adds some. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
