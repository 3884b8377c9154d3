package io.mita.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mita.gateway.bodylimit.BodyTooLargeException;
import io.mita.gateway.routing.GatewayRoutesProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every route's breaker the tuned configuration. Streaming routes (Server-Sent Events) use the
 * same thresholds for failures but never count a call as slow: a stream lasts as long as the client
 * listens. The call duration itself is bounded by the HTTP client's per-route timeouts; Resilience4j's
 * time limiter is switched off in application.yml (its 1 s default would cut slow answers and streams).
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    /** Longest duration Resilience4j accepts comfortably; effectively "never slow". */
    static final Duration NEVER_SLOW = Duration.ofDays(365);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> mitaCircuitBreakers(
            CircuitBreakerProperties tuning, GatewayRoutesProperties routes) {
        CircuitBreakerConfig standard = config(tuning, tuning.slowCallDurationThreshold());
        CircuitBreakerConfig streaming = config(tuning, NEVER_SLOW);
        return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(standard)
                    .build());
            List<String> streamingIds = routes.streamingRouteIds();
            if (!streamingIds.isEmpty()) {
                factory.configure(
                        builder -> builder.circuitBreakerConfig(streaming), streamingIds.toArray(String[]::new));
            }
        };
    }

    static CircuitBreakerConfig config(CircuitBreakerProperties tuning, Duration slowCallDurationThreshold) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(tuning.slidingWindowSize())
                .minimumNumberOfCalls(tuning.minimumNumberOfCalls())
                .failureRateThreshold(tuning.failureRateThreshold())
                .slowCallDurationThreshold(slowCallDurationThreshold)
                .slowCallRateThreshold(tuning.slowCallRateThreshold())
                .waitDurationInOpenState(tuning.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(tuning.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // a client's oversize body is the client's fault: it must not count against the service
                .ignoreException(failure -> BodyTooLargeException.findIn(failure) != null)
                .build();
    }
}
