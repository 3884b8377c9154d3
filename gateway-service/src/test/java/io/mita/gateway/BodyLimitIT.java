package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** 1 MB for JSON bodies, 10 MB for receipt uploads; the downstream service never receives more. */
class BodyLimitIT extends GatewayTestSupport {

    private static final int MB = 1024 * 1024;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void forwardsAJsonBodyOfOneByteLessThanOneMegabyte() {
        String path = "/api/budget/" + UUID.randomUUID() + "/import";

        post(path, json(MB - 1)).expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt(path))
                .singleElement()
                .satisfies(request -> assertThat(request.bodyLength()).isEqualTo(MB - 1));
    }

    @Test
    void refusesAJsonBodyAboveOneMegabyteWith413BeforeForwardingIt() {
        String path = "/api/budget/" + UUID.randomUUID() + "/import";

        expectProblem(post(path, json(MB + 1)), HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE");

        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void refusesAPublicEndpointsOversizeBodyBeforeTheTokenCheckOrTheRateLimit() {
        expectProblem(
                client.post()
                        .uri("/api/auth/register")
                        .header("X-Forwarded-For", newClientIp())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json(MB + 1))
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void cutsAChunkedBodyAsSoonAsItPassesOneMegabyteSoTheDownstreamNeverReceivesIt() {
        String path = "/api/budget/" + UUID.randomUUID() + "/import";
        long failedBefore = failedCalls("budget");

        WebTestClient.ResponseSpec response = client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(2 * MB), DataBuffer.class)
                .exchange();

        expectProblem(response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE");
        assertThat(DOWNSTREAM.receivedAt(path)).allSatisfy(request -> {
            assertThat(request.complete()).isFalse();
            assertThat(request.bodyLength()).isLessThanOrEqualTo(MB);
        });
        assertThat(failedCalls("budget"))
                .as("the client's fault never counts against the service")
                .isEqualTo(failedBefore);
    }

    @Test
    void forwardsAChunkedBodyBelowTheLimit() {
        String path = "/api/budget/" + UUID.randomUUID() + "/import";

        client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(MB - 1), DataBuffer.class)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(DOWNSTREAM.receivedAt(path))
                .singleElement()
                .satisfies(request -> assertThat(request.bodyLength()).isEqualTo(MB - 1));
    }

    @Test
    void acceptsAReceiptUploadOfAlmostTenMegabytes() {
        int before = DOWNSTREAM.receivedAt("/api/ocr/receipts").size();
        byte[] upload = multipart(10 * MB - 1);

        uploadReceipt(upload).expectStatus().isOk();

        assertThat(DOWNSTREAM.receivedAt("/api/ocr/receipts"))
                .hasSize(before + 1)
                .last()
                .satisfies(request -> assertThat(request.bodyLength()).isEqualTo(upload.length));
    }

    @Test
    void refusesAReceiptUploadAboveTenMegabytesWith413BeforeForwardingIt() {
        int before = DOWNSTREAM.receivedAt("/api/ocr/receipts").size();

        expectProblem(uploadReceipt(multipart(10 * MB + 1)), HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE");

        assertThat(DOWNSTREAM.receivedAt("/api/ocr/receipts")).hasSize(before);
    }

    @Test
    void refusesAChunkedReceiptUploadAboveTenMegabytesWhileItStreams() {
        int before = DOWNSTREAM.receivedAt("/api/ocr/receipts").size();

        expectProblem(
                client.post()
                        .uri("/api/ocr/receipts")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(chunked(11 * MB), DataBuffer.class)
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE");

        assertThat(DOWNSTREAM
                        .receivedAt("/api/ocr/receipts")
                        .subList(
                                before,
                                DOWNSTREAM.receivedAt("/api/ocr/receipts").size()))
                .allSatisfy(request -> assertThat(request.bodyLength()).isLessThanOrEqualTo(10 * MB));
    }

    private WebTestClient.ResponseSpec post(String path, String body) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec uploadReceipt(byte[] multipart) {
        return client.post()
                .uri("/api/ocr/receipts")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
                .bodyValue(multipart)
                .exchange();
    }

    private long failedCalls(String breaker) {
        return breakers.getCircuitBreakerRegistry()
                .find(breaker)
                .map(CircuitBreaker::getMetrics)
                .map(metrics -> (long) metrics.getNumberOfFailedCalls())
                .orElse(0L);
    }

    /** A JSON document of exactly {@code bytes} bytes. */
    static String json(int bytes) {
        String prefix = "{\"note\":\"";
        String suffix = "\"}";
        char[] filler = new char[bytes - prefix.length() - suffix.length()];
        Arrays.fill(filler, 'x');
        return prefix + new String(filler) + suffix;
    }

    /** A body of {@code bytes} bytes in 64 KB chunks, sent without Content-Length. */
    static Flux<DataBuffer> chunked(int bytes) {
        int chunk = 64 * 1024;
        return Flux.range(0, (bytes + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[Math.min(chunk, bytes - i * chunk)]));
    }

    private static final String BOUNDARY = "mita-test-boundary";

    /** A multipart/form-data body of exactly {@code totalBytes} bytes with one {@code file} part. */
    static byte[] multipart(int totalBytes) {
        byte[] head = ("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"receipt.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[totalBytes];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, totalBytes - tail.length, tail.length);
        return body;
    }
}
