package io.mita.auth.export;

import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * Fetches one data service's export ({@code GET <base>/api/<path>/me/export}, the user's short-lived token) into a
 * file, streamed: a large export never sits in the heap. Each attempt has the configured timeout; a 5xx answer,
 * a refused or broken connection or a timeout is retried {@code retries} times with back-off (the file starts
 * again); any other answer fails at once. The failure names the service and what happened, for the export's
 * reason.
 */
@Component
class ServiceExportClient {

    private final WebClient client;
    private final DataExportProperties properties;

    ServiceExportClient(DataExportProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                Math.min(5000, properties.timeout().toMillis()));
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    /** The export path of a service: budget → /api/budget/me/export, notification → /api/notifications/…. */
    static String pathOf(String service) {
        String segment = "notification".equals(service) ? "notifications" : service;
        return "/api/" + segment + "/me/export";
    }

    /** Writes the service's document into {@code target} (replaced on every attempt). */
    Mono<Void> fetch(String service, URI baseUrl, String accessToken, Path target) {
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + pathOf(service));
        Mono<Void> attempt = Mono.defer(() -> {
            Flux<DataBuffer> body = client.get()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .bodyToFlux(DataBuffer.class);
            return DataBufferUtils.write(
                            body,
                            target,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)
                    .timeout(properties.timeout());
        });
        return attempt.retryWhen(Retry.backoff(properties.retries(), Duration.ofMillis(500))
                        .filter(ServiceExportClient::isTransient)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(e -> new ServiceExportFailedException(service, describe(e), e));
    }

    /** A 5xx answer, no connection or a timeout may pass; another answer, or our own file failing, will not. */
    private static boolean isTransient(Throwable e) {
        if (e instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError();
        }
        return !(e instanceof FileSystemException);
    }

    static String describe(Throwable e) {
        if (e instanceof WebClientResponseException response) {
            return "answered HTTP " + response.getStatusCode().value();
        }
        if (e instanceof TimeoutException) {
            return "did not answer in time";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "unreachable (" + root.getClass().getSimpleName() + ")";
    }

    static Path temporaryFile(String service) {
        try {
            return Files.createTempFile("mita-export-" + service + "-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's export failed for good; the message is the reason shown to the user. */
    static final class ServiceExportFailedException extends RuntimeException {
        ServiceExportFailedException(String service, String what, Throwable cause) {
            super(service + " " + what, cause);
        }
    }
}
