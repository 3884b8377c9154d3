package io.mita.common.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem as MITA writes it: the standard members plus {@code code}, {@code errorId},
 * {@code correlationId} and, for validation failures, {@code errors}.
 */
public record Problem(
        HttpStatus status,
        String code,
        String title,
        String detail,
        List<FieldError> errors,
        Map<String, Object> extensions) {

    public static final String TYPE_BASE = "https://mita.io/problems/";

    public record FieldError(String field, String message) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(HttpStatus status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, code, title, detail, fieldErrors, extensions);
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(status, code, title, detail, errors, more);
    }

    /** The JSON body; a fresh {@code errorId} names this occurrence in logs and in the answer. */
    public Map<String, Object> body(String errorId, String correlationId, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code);
        body.put("errorId", errorId);
        body.put("correlationId", correlationId);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return body;
    }

    public static String newErrorId() {
        return UUID.randomUUID().toString();
    }
}
