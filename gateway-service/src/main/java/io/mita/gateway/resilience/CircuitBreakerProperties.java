package io.mita.gateway.resilience;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tuning of every downstream service's circuit breaker (Resilience4j's defaults — 100 calls,
 * 60 s slow calls — are far too lax for an edge): a count-based window of recent calls; the breaker
 * opens when at least half of them failed or were slow, and stays open before letting a few trial
 * calls through.
 */
@Validated
@ConfigurationProperties("mita.gateway.circuit-breaker")
record CircuitBreakerProperties(
        @Min(1) int slidingWindowSize,
        @Min(1) int minimumNumberOfCalls,

        @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,

        @NotNull Duration slowCallDurationThreshold,

        @DecimalMin("1") @DecimalMax("100") float slowCallRateThreshold,

        @NotNull Duration waitDurationInOpenState,
        @Min(1) int permittedCallsInHalfOpenState) {}
