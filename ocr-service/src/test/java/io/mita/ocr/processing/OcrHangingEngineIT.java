package io.mita.ocr.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * An engine that hangs (a command that sleeps in place of tesseract): each image is stopped at the
 * timeout, the circuit opens, and new uploads answer 503 OCR_UNAVAILABLE with Retry-After at once.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            "mita.ocr.engine.binding=cli",
            "mita.ocr.engine.command=sh,-c,sleep 300,sh",
            "mita.ocr.engine.timeout=2s",
            "mita.ocr.engine.concurrency=2",
            "mita.ocr.jobs.initial-back-off=200ms",
            "mita.ocr.jobs.poll-interval=100ms",
            "mita.ocr.breaker.minimum-calls=2",
            "mita.ocr.breaker.sliding-window=2",
            "mita.ocr.breaker.wait-in-open-state=60s"
        })
class OcrHangingEngineIT {

    @Autowired
    WebTestClient web;

    private final AtomicInteger images = new AtomicInteger();

    @Test
    void timeoutsOpenTheCircuitAndUploadsAnswer503WithRetryAfterQuickly() {
        UUID user = UUID.randomUUID();
        assertThat(upload(user).getStatus().value()).isEqualTo(202);
        assertThat(upload(user).getStatus().value()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> upload(user).getStatus().value() == 503);

        long started = System.nanoTime();
        EntityExchangeResult<byte[]> refused = upload(user);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused.getStatus().value()).isEqualTo(503);
        assertThat(new String(refused.getResponseBodyContent())).contains("\"code\":\"OCR_UNAVAILABLE\"");
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After")))
                .isBetween(1L, 60L);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ProcessHandle.allProcesses()
                                .filter(p -> p.info().commandLine().orElse("").contains("sleep 300")))
                        .as("the hung engine processes were killed at the timeout")
                        .isEmpty());
    }

    private EntityExchangeResult<byte[]> upload(UUID user) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        byte[] image = TestImages.receipt("SHOP " + images.incrementAndGet(), "TOTAL 1.00");
        parts.part("file", new ByteArrayResource(image) {
                    @Override
                    public String getFilename() {
                        return "r.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        return web.post()
                .uri("/api/ocr/receipts")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange()
                .expectBody()
                .returnResult();
    }
}
