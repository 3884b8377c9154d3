package io.mita.common.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

/**
 * Bridges the Reactor context's correlation id into the logging MDC: with automatic context
 * propagation on ({@code spring.reactor.context-propagation=auto}) every log line written while a
 * request is handled carries {@code correlationId}.
 */
public final class CorrelationIdLogging {

    private static volatile boolean registered;

    private CorrelationIdLogging() {}

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        CorrelationId.CONTEXT_KEY,
                        () -> MDC.get(CorrelationId.CONTEXT_KEY),
                        value -> MDC.put(CorrelationId.CONTEXT_KEY, value),
                        () -> MDC.remove(CorrelationId.CONTEXT_KEY));
        registered = true;
    }
}
