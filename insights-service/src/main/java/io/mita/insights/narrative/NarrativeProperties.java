package io.mita.insights.narrative;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.insights.narrative.*}: the optional narrative model (off by default; defaults in application.yml).
 *
 * @param enabled whether insights get a narrative from the model (else their templated text)
 * @param baseUrl the chat-completions API's base URL, e.g. {@code http://127.0.0.1:11434/v1} (Ollama)
 * @param apiKey the bearer key, empty for none
 * @param model the model name
 * @param maxTokens the longest answer asked for
 * @param timeout one call's time limit
 * @param maxAttempts attempts per narrative (retries after a server error or timeout)
 * @param initialBackOff the first retry's back-off, doubled each time, with ±50 % jitter
 * @param failureRateThreshold percent of failed calls in the window that opens the circuit
 * @param slidingWindow calls in the circuit breaker's window (and the least before it judges)
 * @param waitInOpenState how long the circuit stays open
 * @param maxConcurrentCalls calls at once (bulkhead; more are refused at once, never queued)
 * @param promptTokenPrice price per 1,000 prompt tokens, for the cost counter
 * @param completionTokenPrice price per 1,000 completion tokens
 */
@ConfigurationProperties("mita.insights.narrative")
public record NarrativeProperties(
        boolean enabled,
        String baseUrl,
        String apiKey,
        String model,
        int maxTokens,
        Duration timeout,
        int maxAttempts,
        Duration initialBackOff,
        float failureRateThreshold,
        int slidingWindow,
        Duration waitInOpenState,
        int maxConcurrentCalls,
        BigDecimal promptTokenPrice,
        BigDecimal completionTokenPrice) {}
