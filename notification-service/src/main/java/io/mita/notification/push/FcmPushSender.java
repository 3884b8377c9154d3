package io.mita.notification.push;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Sends push messages with FCM's HTTP v1 API ({@code POST /v1/projects/<project>/messages:send}) behind a
 * Resilience4j circuit breaker: while FCM fails, calls fail at once ("circuit open") instead of waiting on it.
 * FCM's 404 ({@code UNREGISTERED}) and 400 ({@code INVALID_ARGUMENT}: a malformed token) mean the device token is
 * gone; they are the caller's business, not FCM's failure, and do not count against the breaker.
 */
class FcmPushSender implements PushSender {

    private final WebClient http;
    private final FcmAccessTokens tokens;
    private final String sendPath;
    private final Duration timeout;
    private final CircuitBreaker breaker;

    FcmPushSender(WebClient http, FcmAccessTokens tokens, String projectId, Duration timeout, CircuitBreaker breaker) {
        this.http = http;
        this.tokens = tokens;
        this.sendPath = "/v1/projects/" + projectId + "/messages:send";
        this.timeout = timeout;
        this.breaker = breaker;
    }

    @Override
    public Mono<Void> send(PushMessage message) {
        Map<String, Object> body = Map.of(
                "message",
                Map.of(
                        "token", message.deviceToken(),
                        "notification", Map.of("title", message.title(), "body", message.body()),
                        "data", Map.of("kind", message.kind() == null ? "" : message.kind())));
        return tokens.current()
                .flatMap(accessToken -> http.post()
                        .uri(sendPath)
                        .headers(headers -> headers.setBearerAuth(accessToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .retrieve()
                        .toBodilessEntity()
                        .timeout(timeout))
                .then()
                .onErrorMap(FcmPushSender::classify)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(
                        CallNotPermittedException.class, open -> new PushDeliveryException("FCM circuit open", false));
    }

    private static Throwable classify(Throwable failure) {
        if (failure instanceof PushDeliveryException) {
            return failure;
        }
        if (failure instanceof WebClientResponseException response) {
            int status = response.getStatusCode().value();
            boolean gone = status == 404 || status == 400;
            return new PushDeliveryException("FCM answered " + status, gone);
        }
        if (failure instanceof TimeoutException) {
            return new PushDeliveryException("FCM did not answer in time", false);
        }
        return new PushDeliveryException(
                "FCM unreachable: " + failure.getClass().getSimpleName(), false);
    }
}
