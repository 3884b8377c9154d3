package io.mita.gateway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's static routes, one entry per downstream service (the key is the route id and the
 * name of its circuit breaker), and what every route shares: timeouts and the GET retry.
 *
 * @param connectTimeout  default time to open a connection to a downstream service
 * @param responseTimeout default time to wait for a downstream service's response headers
 * @param retry           the retry applied to GET requests on every non-streaming route
 * @param routes          route id → where it goes and which paths it serves
 */
@Validated
@ConfigurationProperties("mita.gateway")
public record GatewayRoutesProperties(
        @NotNull Duration connectTimeout,
        @NotNull Duration responseTimeout,
        @NotNull @Valid Retry retry,
        @NotEmpty Map<String, @Valid DownstreamRoute> routes) {

    /** Suffix of the route generated for a service's {@code streaming-paths}. */
    static final String STREAMING_SUFFIX = "-stream";

    /**
     * @param retries     how often a failed GET is tried again (connect errors, 502, 503, 504)
     * @param firstBackoff wait before the first retry, doubled for each further one up to {@code maxBackoff}
     * @param maxBackoff  the longest wait between two tries
     */
    public record Retry(
            @Min(0) int retries,
            @NotNull Duration firstBackoff,
            @NotNull Duration maxBackoff) {}

    /**
     * @param uri             the downstream service's base URI; the request path is forwarded unchanged
     * @param paths           path patterns this service answers
     * @param streamingPaths  long-lived responses (Server-Sent Events) among them: routed separately,
     *                        without retry and with a breaker that does not count their duration as slow
     * @param connectTimeout  overrides the default connect timeout for this service
     * @param responseTimeout overrides the default response timeout for this service
     * @param honoursIdempotencyKey the service answers a repeated {@code Idempotency-Key} with the first request's
     *                        result (budget-service): only then is a keyed POST whose connection failed before any
     *                        answer sent once more ({@code KeyedRequestRetry}); false unless set
     */
    public record DownstreamRoute(
            @NotNull URI uri,
            @NotEmpty List<String> paths,
            List<String> streamingPaths,
            Duration connectTimeout,
            Duration responseTimeout,
            boolean honoursIdempotencyKey) {

        public DownstreamRoute {
            paths = paths == null ? List.of() : List.copyOf(paths);
            streamingPaths = streamingPaths == null ? List.of() : List.copyOf(streamingPaths);
        }
    }

    public GatewayRoutesProperties {
        routes = routes == null ? Map.of() : routes;
    }

    Duration connectTimeoutOf(DownstreamRoute route) {
        return route.connectTimeout() != null ? route.connectTimeout() : connectTimeout;
    }

    Duration responseTimeoutOf(DownstreamRoute route) {
        return route.responseTimeout() != null ? route.responseTimeout() : responseTimeout;
    }

    /** Ids of the routes generated for streaming paths: their breakers must not count long responses as slow. */
    public List<String> streamingRouteIds() {
        return routes.entrySet().stream()
                .filter(entry -> !entry.getValue().streamingPaths().isEmpty())
                .map(entry -> streamingRouteId(entry.getKey()))
                .toList();
    }

    static String streamingRouteId(String routeId) {
        return routeId + STREAMING_SUFFIX;
    }
}
