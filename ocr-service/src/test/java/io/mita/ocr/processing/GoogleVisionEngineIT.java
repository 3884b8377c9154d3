package io.mita.ocr.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.ocr.engine.FakeVision;
import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code MITA_OCR_ENGINE=google-vision} without the Tesseract fallback, against a local fake of Cloud Vision: a
 * receipt is read from Vision's answer through the same extraction; when Vision keeps failing its own circuit
 * opens and uploads answer 503 OCR_UNAVAILABLE with Retry-After.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            "mita.ocr.engine.provider=google-vision",
            "mita.ocr.google-vision.api-key=test-key",
            "mita.ocr.google-vision.fallback=false",
            "mita.ocr.google-vision.timeout=5s",
            "mita.ocr.google-vision.breaker.minimum-calls=2",
            "mita.ocr.google-vision.breaker.sliding-window=2",
            "mita.ocr.google-vision.breaker.wait-in-open-state=60s",
            "mita.ocr.jobs.initial-back-off=200ms",
            "mita.ocr.jobs.poll-interval=100ms"
        })
class GoogleVisionEngineIT {

    private static final FakeVision VISION = new FakeVision();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void vision(DynamicPropertyRegistry registry) {
        registry.add("mita.ocr.google-vision.endpoint", VISION::endpoint);
    }

    @AfterAll
    static void stopVision() {
        VISION.close();
    }

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();
    private final AtomicInteger images = new AtomicInteger();

    @Test
    void aReceiptIsReadByVisionAndWhenVisionKeepsFailingUploadsAnswer503() {
        VISION.answer(200, FakeVision.receiptAnswer());

        EntityExchangeResult<byte[]> accepted = upload();
        assertThat(accepted.getStatus().value()).isEqualTo(202);
        String id = JSON.readTree(accepted.getResponseBodyContent())
                .get("receiptId")
                .asString();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(get(id).get("status").asString()).isEqualTo("PROCESSED"));
        JsonNode receipt = get(id);
        assertThat(receipt.at("/fields/total/value").asString()).isEqualTo("3.60");
        assertThat(receipt.at("/fields/date/value").asString()).isEqualTo("2018-12-25");
        assertThat(receipt.at("/fields/currency/value").asString()).isEqualTo("GBP");
        assertThat(receipt.at("/fields/merchant/value").asString()).isEqualToIgnoringCase("Tesco");
        assertThat(VISION.received()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/v1/images:annotate");
            assertThat(request.header("X-Goog-Api-Key")).isEqualTo("test-key");
        });

        VISION.answer(500, "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\"}}");
        assertThat(upload().getStatus().value()).isEqualTo(202);
        assertThat(upload().getStatus().value()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> upload().getStatus().value() == 503);
        int callsWhenOpen = VISION.received().size();
        EntityExchangeResult<byte[]> refused = upload();
        assertThat(refused.getStatus().value()).isEqualTo(503);
        assertThat(refused.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.getResponseBodyContent()).get("code").asString())
                .isEqualTo("OCR_UNAVAILABLE");
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After")))
                .isBetween(1L, 60L);
        assertThat(VISION.received()).as("an open circuit calls Vision no more").hasSize(callsWhenOpen);
    }

    private EntityExchangeResult<byte[]> upload() {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        byte[] image = TestImages.receipt("SHOP " + images.incrementAndGet() + " " + user, "TOTAL 1.00");
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

    private JsonNode get(String id) {
        byte[] body = web.get()
                .uri("/api/ocr/receipts/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        return JSON.readTree(body);
    }
}
