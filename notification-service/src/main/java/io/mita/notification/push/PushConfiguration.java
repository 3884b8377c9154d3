package io.mita.notification.push;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** The FCM adapter, only when {@code mita.notification.push.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mita.notification.push.enabled", havingValue = "true")
class PushConfiguration {

    @Bean
    PushSender fcmPushSender(PushProperties properties, JsonMapper json, MeterRegistry meters) {
        WebClient http = WebClient.builder().baseUrl(properties.fcmBaseUrl()).build();
        FcmAccessTokens tokens = FcmAccessTokens.fromFile(
                Path.of(properties.credentialsFile()), WebClient.create(), json, properties.timeout());
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        return new FcmPushSender(
                http, tokens, properties.projectId(), properties.timeout(), breakers.circuitBreaker("fcm"));
    }

    /** Opens after half of 10+ calls failed (or took over 5 s) in the last 20; tries again after 30 s. */
    static CircuitBreakerConfig breakerConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(Duration.ofSeconds(5))
                .slowCallRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(3)
                .ignoreException(failure -> failure instanceof PushDeliveryException push && push.unregistered())
                .build();
    }
}
