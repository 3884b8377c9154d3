package io.mita.insights.narrative;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.insights.analysis.Insight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The narrative of an insight: the model's text when it is on and answers, else the templated text, so an insight
 * never fails because the model does. Each call runs behind a time limiter (per attempt), inside a circuit breaker
 * (every attempt counts), retried with exponential back-off and jitter after a server error or timeout (not after
 * a malformed answer, a refusal or an open circuit), all inside a bulkhead that refuses rather than queues.
 * Metrics: {@code mita.insights.narrative.calls{outcome}}, {@code mita.insights.narrative.tokens{type}} (as the
 * API reports usage) and {@code mita.insights.narrative.cost} (tokens × configured price per 1,000).
 */
public class Narrator {

    static final int MAX_LENGTH = 2000;
    private static final Logger log = LoggerFactory.getLogger(Narrator.class);

    private final NarrativeModel model;
    private final NarrativeProperties properties;
    private final MeterRegistry meters;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;

    public Narrator(NarrativeModel model, NarrativeProperties properties, MeterRegistry meters) {
        this.model = model;
        this.properties = properties;
        this.meters = meters;
        this.timeLimiter = TimeLimiter.of(
                "narrative",
                TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeout())
                        .cancelRunningFuture(true)
                        .build());
        this.breaker = CircuitBreaker.of(
                "narrative",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .slidingWindowSize(properties.slidingWindow())
                        .minimumNumberOfCalls(properties.slidingWindow())
                        .waitDurationInOpenState(properties.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordException(Narrator::isFailure)
                        .build());
        this.retry = Retry.of(
                "narrative",
                RetryConfig.custom()
                        .maxAttempts(properties.maxAttempts())
                        .intervalFunction(
                                IntervalFunction.ofExponentialRandomBackoff(properties.initialBackOff(), 2.0, 0.5))
                        .retryOnException(Narrator::isRetryable)
                        .build());
        this.bulkhead = Bulkhead.of(
                "narrative",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
    }

    public Mono<String> narrate(Insight insight, YearMonth month) {
        if (!properties.enabled()) {
            return Mono.just(insight.text());
        }
        return Mono.defer(() -> model.narrate(NarrativePrompt.of(insight, month)))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .map(narration -> {
                    counted("ok");
                    usage(narration);
                    String text = narration.text();
                    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
                })
                .onErrorResume(failure -> {
                    counted(outcome(failure));
                    log.debug("narrative fell back to the templated text: {}", failure.toString());
                    return Mono.just(insight.text());
                });
    }

    CircuitBreaker.State circuit() {
        return breaker.getState();
    }

    static boolean isRetryable(Throwable failure) {
        return failure instanceof TimeoutException
                || (failure instanceof NarrativeModelException model
                        && model.kind() == NarrativeModelException.Kind.SERVER)
                || failure instanceof org.springframework.web.reactive.function.client.WebClientRequestException;
    }

    /** What the circuit breaker counts as a failure of the model: all but a refusal of our own request. */
    static boolean isFailure(Throwable failure) {
        return !(failure instanceof NarrativeModelException model
                && model.kind() == NarrativeModelException.Kind.REFUSED);
    }

    private static String outcome(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        if (failure instanceof CallNotPermittedException) {
            return "circuit_open";
        }
        if (failure instanceof BulkheadFullException) {
            return "bulkhead_full";
        }
        if (failure instanceof NarrativeModelException model) {
            return model.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return "error";
    }

    private void counted(String outcome) {
        Counter.builder("mita.insights.narrative.calls")
                .description("narratives asked of the model, by outcome (all but ok fell back to the templated text)")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private void usage(Narration narration) {
        Counter.builder("mita.insights.narrative.tokens")
                .description("tokens the model reported in usage")
                .tag("type", "prompt")
                .register(meters)
                .increment(narration.promptTokens());
        Counter.builder("mita.insights.narrative.tokens")
                .description("tokens the model reported in usage")
                .tag("type", "completion")
                .register(meters)
                .increment(narration.completionTokens());
        BigDecimal cost = properties
                .promptTokenPrice()
                .multiply(BigDecimal.valueOf(narration.promptTokens()))
                .add(properties.completionTokenPrice().multiply(BigDecimal.valueOf(narration.completionTokens())))
                .divide(BigDecimal.valueOf(1000), 8, RoundingMode.HALF_UP);
        Counter.builder("mita.insights.narrative.cost")
                .description("what the model's answers cost, at the configured prices per 1,000 tokens")
                .register(meters)
                .increment(cost.doubleValue());
    }
}
