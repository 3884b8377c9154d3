package io.mita.ocr.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.ocr.engine.FakeVision;
import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code MITA_OCR_ENGINE=google-vision} with the fallback (the default): Vision (a local fake) refuses the
 * credentials, and the receipt is read by the real local Tesseract instead.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            "mita.ocr.engine.provider=google-vision",
            "mita.ocr.google-vision.bearer-token=expired-token",
            "mita.ocr.jobs.poll-interval=100ms"
        })
class GoogleVisionFallbackIT {

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

    @Autowired
    MeterRegistry meters;

    private final UUID user = UUID.randomUUID();

    @Test
    void whenVisionRefusesTheCredentialsTheReceiptIsReadByLocalTesseract() {
        VISION.answer(
                401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\"}}");
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        byte[] image = TestImages.receipt("CORNER SHOP", "Date: 15/01/2026 10:42", "MILK 1.45", "TOTAL 1.45");
        parts.part("file", new ByteArrayResource(image) {
                    @Override
                    public String getFilename() {
                        return "r.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        byte[] accepted = web.post()
                .uri("/api/ocr/receipts")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        String id = JSON.readTree(accepted).get("receiptId").asString();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(get(id).get("status").asString()).isEqualTo("PROCESSED"));
        JsonNode receipt = get(id);
        assertThat(receipt.at("/fields/total/value").asString()).isEqualTo("1.45");
        assertThat(receipt.at("/fields/date/value").asString()).isEqualTo("2026-01-15");
        assertThat(VISION.received())
                .isNotEmpty()
                .allSatisfy(
                        request -> assertThat(request.header("Authorization")).isEqualTo("Bearer expired-token"));
        assertThat(meters.get("mita.ocr.fallbacks")
                        .tag("reason", "ENGINE_ERROR")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
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
