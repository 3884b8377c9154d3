package io.mita.common.correlation;

import io.mita.common.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One log line per answered request — method, path (never the query, which may carry personal data),
 * status and duration — written inside the request's context, so the structured log line carries its
 * {@code correlationId}, {@code traceId} and {@code spanId}: the thread locals (MDC, current observation) are
 * set from the subscriber's Reactor context around the log call ({@link LogContext}), as every process runs
 * {@code spring.reactor.context-propagation=limited}. Operations endpoints are not logged.
 */
public class RequestLogWebFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("mita.request");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator") || path.equals("/livez") || path.equals("/readyz")) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doOnEach(signal -> {
            if ((signal.isOnComplete() || signal.isOnError()) && log.isInfoEnabled()) {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                String line = line(
                        exchange.getRequest().getMethod(),
                        path,
                        status == null ? (signal.isOnError() ? 500 : 200) : status.value(),
                        (System.nanoTime() - started) / 1_000_000);
                LogContext.run(signal.getContextView(), () -> log.info(line));
            }
        });
    }

    /**
     * {@code GET /api/things -> 200 in 3 ms}: built in one pre-sized builder rather than by SLF4J's placeholder
     * formatting (an argument array, boxed numbers and a scan of the pattern per line). Logged as a message
     * without arguments, so a {@code {}} in the path stays as it is; the message member is still masked when the
     * line is written (a path may carry personal data).
     */
    static String line(HttpMethod method, String path, int status, long millis) {
        String name = method.name();
        return new StringBuilder(name.length() + path.length() + 32)
                .append(name)
                .append(' ')
                .append(path)
                .append(" -> ")
                .append(status)
                .append(" in ")
                .append(millis)
                .append(" ms")
                .toString();
    }

    /** Just inside the correlation id filter, so the id is in the context it logs from. */
    @Override
    public int getOrder() {
        return CorrelationIdWebFilter.ORDER + 1;
    }
}
