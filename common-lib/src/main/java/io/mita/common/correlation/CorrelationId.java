package io.mita.common.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/** The correlation id of the current request: its header, its Reactor context key, its log key. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Reactor context key and MDC key. */
    public static final String CONTEXT_KEY = "correlationId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {}

    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(from(context)));
    }

    public static Optional<String> from(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY).map(Object::toString);
    }

    /** A client's id is kept only when it is well formed; anything else is replaced by a new one. */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && WELL_FORMED.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
