package io.mita.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.correlation.CorrelationId;
import io.mita.gateway.resilience.KeyedRequestRetry;
import io.mita.gateway.resilience.UpstreamFallbackController;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.event.EnableBodyCachingEvent;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Generates one route per downstream service from {@link GatewayRoutesProperties}, each with the same
 * filters: a circuit breaker named after the route (falling back to a 503 problem) and, inside it, a
 * retry of GET requests. Streaming paths get their own route first, with a breaker but no retry.
 * Paths are forwarded unchanged; identity headers are stripped by {@link IdentityHeaders} ({@link ProxiedRequestHeadersFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    /** Streaming routes are matched before their service's catch-all route. */
    static final int STREAMING_ORDER = -1;

    @Bean
    RouteLocator mitaRoutes(
            RouteLocatorBuilder builder,
            GatewayRoutesProperties properties,
            ApplicationEventPublisher events,
            MeterRegistry meters) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        KeyedRequestRetry keyedRequests = new KeyedRequestRetry(meters);
        properties.routes().forEach((id, route) -> {
            if (!route.streamingPaths().isEmpty()) {
                String streamingId = GatewayRoutesProperties.streamingRouteId(id);
                routes.route(
                        streamingId,
                        spec -> timeouts(
                                        spec.order(STREAMING_ORDER)
                                                .path(array(route.streamingPaths()))
                                                .filters(filters -> breaker(oneCorrelationId(filters), streamingId)),
                                        properties,
                                        route)
                                .uri(route.uri()));
            }
            routes.route(
                    id,
                    spec -> timeouts(
                                    spec.path(array(route.paths()))
                                            .filters(filters -> retry(
                                                    breaker(oneCorrelationId(filters), id),
                                                    id,
                                                    properties.retry(),
                                                    route.honoursIdempotencyKey() ? keyedRequests : null,
                                                    events)),
                                    properties,
                                    route)
                            .uri(route.uri()));
        });
        return routes.build();
    }

    /**
     * The gateway set the response's correlation id (and, for a browser, its CORS headers) before
     * routing; a service that answers with its own copies must not make the client see two: the
     * gateway's come first and stay.
     */
    private static GatewayFilterSpec oneCorrelationId(GatewayFilterSpec filters) {
        return filters.dedupeResponseHeader(
                String.join(
                        " ",
                        CorrelationId.HEADER,
                        HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
                        HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS,
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS),
                "RETAIN_FIRST");
    }

    /** Outermost: the breaker sees one call per client request, however many tries the retry makes inside it. */
    private static GatewayFilterSpec breaker(GatewayFilterSpec filters, String name) {
        return filters.circuitBreaker(
                config -> config.setName(name).setFallbackUri(UpstreamFallbackController.FORWARD_URI));
    }

    /**
     * A GET is safe to repeat: on connect errors and on 502/503/504, with a short exponential back-off
     * ({@link GetRetryFilter}); on a route whose service honours {@code Idempotency-Key} ({@code keyedRequests} not
     * null), a keyed POST whose connection failed before any answer is sent once more. The route's request bodies are
     * cached before they are forwarded, as Spring's {@code Retry} filter had them cached
     * ({@link BodyCacheForRequestsWithBody}: a streamed upload is read before the response timeout starts, so a
     * too-large one is a 413, not a 503).
     */
    private static GatewayFilterSpec retry(
            GatewayFilterSpec filters,
            String routeId,
            GatewayRoutesProperties.Retry retry,
            KeyedRequestRetry keyedRequests,
            ApplicationEventPublisher events) {
        if (retry.retries() == 0 && keyedRequests == null) {
            return filters;
        }
        events.publishEvent(new EnableBodyCachingEvent(RoutesConfiguration.class, routeId));
        return filters.filter(new GetRetryFilter(retry, keyedRequests));
    }

    private static UriSpec timeouts(
            UriSpec spec, GatewayRoutesProperties properties, GatewayRoutesProperties.DownstreamRoute route) {
        return spec.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, millis(properties.connectTimeoutOf(route)))
                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, millis(properties.responseTimeoutOf(route)));
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static String[] array(List<String> paths) {
        return paths.toArray(String[]::new);
    }
}
