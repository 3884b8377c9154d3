package io.mita.ocr.receipt;

import static io.mita.ocr.receipt.ReceiptFixtures.aProcessedReceipt;
import static io.mita.ocr.receipt.ReceiptFixtures.aReceipt;
import static io.mita.testsupport.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mita.ocr.config.OcrProperties;
import io.mita.ocr.engine.GuardedOcrEngine;
import io.mita.ocr.engine.OcrText;
import io.mita.ocr.engine.ReceiptOcrEngine;
import io.mita.ocr.image.ImageInspector;
import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The receipt endpoints on in-memory receipts: every bad upload of issue 10, ownership, confirm, list, delete. */
@MitaWebFluxTest(ReceiptController.class)
@Import(ReceiptControllerTest.Fakes.class)
class ReceiptControllerTest {

    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final long MAX_BYTES = 200_000;

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        InMemoryReceipts inMemoryReceipts() {
            return new InMemoryReceipts();
        }

        @Bean
        RecordingOutbox recordingOutbox() {
            return new RecordingOutbox();
        }

        @Bean
        CircuitBreaker breaker() {
            return CircuitBreaker.of(
                    "test",
                    CircuitBreakerConfig.custom()
                            .waitDurationInOpenState(Duration.ofSeconds(30))
                            .build());
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-01-15T18:04:11Z"), ZoneOffset.UTC);
        }

        @Bean
        UploadReceipt uploadReceipt(
                InMemoryReceipts receipts, RecordingOutbox outbox, CircuitBreaker breaker, Clock clock) {
            ReceiptOcrEngine unused = new ReceiptOcrEngine() {
                @Override
                public Mono<OcrText> read(BufferedImage image) {
                    return Mono.error(new IllegalStateException("the web slice reads no image"));
                }

                @Override
                public String name() {
                    return "none";
                }
            };
            GuardedOcrEngine engine = new GuardedOcrEngine(
                    unused,
                    breaker,
                    Bulkhead.ofDefaults("test"),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30),
                    Schedulers.boundedElastic(),
                    clock);
            OcrProperties properties = new OcrProperties(
                    new OcrProperties.Upload(DataSize.ofBytes(MAX_BYTES), 40_000_000, 64),
                    null,
                    null,
                    null,
                    null,
                    "EUR",
                    null);
            return new UploadReceipt(
                    receipts,
                    new ReceiptPublisher(outbox),
                    new ImageInspector(40_000_000, 64),
                    engine,
                    new InlineTransactions(),
                    clock,
                    properties);
        }

        @Bean
        ReceiptService receiptService(InMemoryReceipts receipts, RecordingOutbox outbox, Clock clock) {
            return new ReceiptService(receipts, new ReceiptPublisher(outbox), new InlineTransactions(), clock);
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    InMemoryReceipts receipts;

    @Autowired
    RecordingOutbox outbox;

    @Autowired
    CircuitBreaker breaker;

    @BeforeEach
    void closeTheCircuit() {
        breaker.transitionToClosedState();
    }

    // ------------------------------------------------------------------ upload

    @Test
    void aJpegIsAcceptedWith202TheReceiptIdAndItsLocation() {
        var body = upload(ALICE, file(TestImages.jpeg(600, 1000), "receipt.jpg", MediaType.IMAGE_JPEG))
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/ocr/receipts/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.contentType")
                .isEqualTo("image/jpeg")
                .jsonPath("$.width")
                .isEqualTo(600)
                .jsonPath("$.height")
                .isEqualTo(1000)
                .returnResult();
        assertThat(new String(body.getResponseBodyContent())).contains("receiptId");
        assertThat(outbox.types()).contains(ReceiptPublisher.UPLOADED);
    }

    @Test
    void aPngRenamedJpgIsStoredAsThePngItIs() {
        upload(ALICE, file(TestImages.png(300, 700), "photo.jpg", MediaType.IMAGE_JPEG))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.contentType")
                .isEqualTo("image/png");
    }

    @Test
    void aTextFileCalledPngIs415() {
        expectProblem(
                upload(ALICE, file(TestImages.text(), "receipt.png", MediaType.IMAGE_PNG)),
                415,
                "OCR_UNSUPPORTED_IMAGE_TYPE");
    }

    @Test
    void aTruncatedJpegIs422() {
        expectProblem(
                upload(ALICE, file(TestImages.truncatedJpeg(), "cut.jpg", MediaType.IMAGE_JPEG)),
                422,
                "OCR_IMAGE_CORRUPT");
    }

    @Test
    void aOneByOneImageIs422() {
        expectProblem(
                upload(ALICE, file(TestImages.png(1, 1), "dot.png", MediaType.IMAGE_PNG)), 422, "OCR_IMAGE_TOO_SMALL");
    }

    @Test
    void a50000By50000PngHeaderIs422BeforeAnyDecoding() {
        expectProblem(
                upload(ALICE, file(TestImages.pngHeader(50_000, 50_000), "bomb.png", MediaType.IMAGE_PNG)),
                422,
                "OCR_IMAGE_TOO_MANY_PIXELS");
    }

    @Test
    void anEmptyPartIs400() {
        expectProblem(upload(ALICE, file(new byte[0], "empty.jpg", MediaType.IMAGE_JPEG)), 400, "OCR_FILE_EMPTY");
    }

    @Test
    void twoFilesAre400() {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", resource(TestImages.jpeg(300, 300), "a.jpg")).contentType(MediaType.IMAGE_JPEG);
        parts.part("file", resource(TestImages.jpeg(300, 400), "b.jpg")).contentType(MediaType.IMAGE_JPEG);
        expectProblem(upload(ALICE, parts), 400, "OCR_TOO_MANY_FILES");
    }

    @Test
    void noFileIs400() {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("note", "no image here");
        expectProblem(upload(ALICE, parts), 400, "OCR_FILE_MISSING");
    }

    @Test
    void aBodyThatIsNotMultipartIs415() {
        expectProblem(
                web.post()
                        .uri(ReceiptController.PATH)
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                        .contentType(MediaType.IMAGE_JPEG)
                        .bodyValue(TestImages.jpeg(300, 300))
                        .exchange(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = new byte[(int) MAX_BYTES + 1];
        System.arraycopy(TestImages.jpeg(300, 300), 0, big, 0, 100);
        expectProblem(upload(ALICE, file(big, "big.jpg", MediaType.IMAGE_JPEG)), 413, "OCR_IMAGE_TOO_LARGE");
    }

    @Test
    void theSameImageTwiceByTheSameUserIsTheSameReceiptAnswered200() {
        byte[] image = TestImages.jpeg(500, 900);
        String first = upload(ALICE, file(image, "a.jpg", MediaType.IMAGE_JPEG))
                .expectStatus()
                .isAccepted()
                .returnResult(Map.class)
                .getResponseBody()
                .blockFirst()
                .get("receiptId")
                .toString();
        int events = outbox.types().size();

        upload(ALICE, file(image, "again.jpg", MediaType.IMAGE_JPEG))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/ocr/receipts/" + first)
                .expectBody()
                .jsonPath("$.receiptId")
                .isEqualTo(first);

        assertThat(outbox.types()).hasSize(events);
        upload(BOB, file(image, "bobs.jpg", MediaType.IMAGE_JPEG))
                .expectStatus()
                .isAccepted();
    }

    @Test
    void whileTheCircuitIsOpenUploadsAnswer503WithRetryAfterAtOnce() {
        breaker.transitionToOpenState();

        long started = System.nanoTime();
        expectProblem(
                upload(ALICE, file(TestImages.jpeg(300, 300), "a.jpg", MediaType.IMAGE_JPEG)), 503, "OCR_UNAVAILABLE");
        upload(ALICE, file(TestImages.jpeg(300, 301), "a.jpg", MediaType.IMAGE_JPEG))
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        value -> assertThat(Long.parseLong(value)).isBetween(1L, 30L));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUploadWithoutTokenIs401() {
        MultipartBodyBuilder parts = file(TestImages.jpeg(300, 300), "a.jpg", MediaType.IMAGE_JPEG);
        expectProblem(
                web.post()
                        .uri(ReceiptController.PATH)
                        .body(BodyInserters.fromMultipartData(parts.build()))
                        .exchange(),
                401,
                "AUTH_UNAUTHENTICATED");
    }

    // ------------------------------------------------------------------ read, list

    @Test
    void theOwnerReadsTheFieldsWithTheirConfidences() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));

        get(ALICE, id.toString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PROCESSED")
                .jsonPath("$.fields.merchant.value")
                .isEqualTo("Lidl")
                .jsonPath("$.fields.total.value")
                .isEqualTo("23.47")
                .jsonPath("$.fields.total.confidence")
                .isEqualTo(0.8)
                .jsonPath("$.fields.date.value")
                .isEqualTo("2026-01-15")
                .jsonPath("$.fields.category.value")
                .isEqualTo("groceries")
                .jsonPath("$.items[0].amount")
                .isEqualTo("1.49");
    }

    @Test
    void someoneElsesReceiptIs404LikeAMissingOne() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));

        expectProblem(get(BOB, id.toString()), 404, "OCR_RECEIPT_NOT_FOUND");
        expectProblem(get(ALICE, UUID.randomUUID().toString()), 404, "OCR_RECEIPT_NOT_FOUND");
        expectProblem(confirm(BOB, id, Map.of()), 404, "OCR_RECEIPT_NOT_FOUND");
        expectProblem(delete(BOB, id), 404, "OCR_RECEIPT_NOT_FOUND");
    }

    @Test
    void anIdThatIsNoUuidIs400MalformedRequest() {
        expectProblem(get(ALICE, "not-a-uuid"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void theListIsNewestFirstInPagesWithACursor() {
        UUID carol = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            receipts.put(aReceipt(
                    UUID.randomUUID(), carol, ReceiptStatus.PENDING, null, ReceiptFixtures.UPLOADED.plusSeconds(i)));
        }
        receipts.put(aProcessedReceipt(UUID.randomUUID(), ALICE));

        Map<?, ?> first = list(carol, "?limit=2");
        assertThat((List<?>) first.get("items")).hasSize(2);
        Map<?, ?> second = list(carol, "?limit=2&cursor=" + first.get("nextCursor"));
        Map<?, ?> third = list(carol, "?limit=2&cursor=" + second.get("nextCursor"));
        assertThat((List<?>) third.get("items")).hasSize(1);
        assertThat(third.get("nextCursor")).isNull();
        assertThat(uploadedAt(first, 0)).isGreaterThan(uploadedAt(first, 1));
        assertThat(uploadedAt(first, 1)).isGreaterThan(uploadedAt(second, 0));
    }

    @Test
    void aForgedCursorIs400AndALimitOutOfRangeIs400() {
        expectProblem(
                web.get()
                        .uri(ReceiptController.PATH + "?cursor=bm90LW91cnM")
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                        .exchange(),
                400,
                "OCR_INVALID_CURSOR");
        expectProblem(
                web.get()
                        .uri(ReceiptController.PATH + "?limit=0")
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                        .exchange(),
                400,
                "VALIDATION_FAILED");
        expectProblem(
                web.get()
                        .uri(ReceiptController.PATH + "?limit=101")
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                        .exchange(),
                400,
                "VALIDATION_FAILED");
    }

    // ------------------------------------------------------------------ confirm, delete

    @Test
    void confirmingWithoutCorrectionsConfirmsWhatWasReadAndEmitsTheEvent() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));

        confirm(ALICE, id, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CONFIRMED")
                .jsonPath("$.confirmed.total")
                .isEqualTo("23.47")
                .jsonPath("$.confirmed.merchant")
                .isEqualTo("Lidl")
                .jsonPath("$.confirmed.category")
                .isEqualTo("groceries")
                .jsonPath("$.confirmed.confirmedAt")
                .isEqualTo("2026-01-15T18:04:11Z");

        assertThat(confirmations(id))
                .singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo(ALICE.toString()));
    }

    @Test
    void correctionsReplaceWhatWasRead() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));

        confirm(
                        ALICE,
                        id,
                        Map.of("total", "24.10", "merchant", "Lidl Berlin", "category", "household", "note", "party"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.confirmed.total")
                .isEqualTo("24.10")
                .jsonPath("$.confirmed.merchant")
                .isEqualTo("Lidl Berlin")
                .jsonPath("$.confirmed.category")
                .isEqualTo("household")
                .jsonPath("$.confirmed.note")
                .isEqualTo("party")
                .jsonPath("$.confirmed.occurredOn")
                .isEqualTo("2026-01-15");
    }

    @Test
    void confirmingTwiceAlikeIsIdempotentAndEmitsOneEvent() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));

        confirm(ALICE, id, Map.of("total", "23.47")).expectStatus().isOk();
        confirm(ALICE, id, Map.of("total", "23.47"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CONFIRMED");
        confirm(ALICE, id, null).expectStatus().isOk();

        assertThat(confirmations(id)).hasSize(1);
    }

    @Test
    void confirmingAgainWithOtherValuesIs409() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));
        confirm(ALICE, id, null).expectStatus().isOk();

        expectProblem(confirm(ALICE, id, Map.of("total", "99.00")), 409, "OCR_RECEIPT_ALREADY_CONFIRMED");
    }

    @Test
    void aPendingReceiptCannotBeConfirmedYet() {
        UUID id = UUID.randomUUID();
        receipts.put(aReceipt(id, ALICE, ReceiptStatus.PENDING, null, ReceiptFixtures.UPLOADED));

        expectProblem(confirm(ALICE, id, null), 409, "OCR_RECEIPT_NOT_PROCESSED");
    }

    @Test
    void aReceiptWithNothingReadNeedsCorrectionsToBeConfirmed() {
        UUID id = UUID.randomUUID();
        receipts.put(aReceipt(
                id, ALICE, ReceiptStatus.PROCESSED, ReceiptFixtures.aBlankExtraction(), ReceiptFixtures.UPLOADED));

        expectProblem(confirm(ALICE, id, null), 422, "OCR_CONFIRMATION_INCOMPLETE");
        confirm(ALICE, id, Map.of("total", "4.20", "occurredOn", "2026-01-14"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.confirmed.currency")
                .isEqualTo("EUR")
                .jsonPath("$.confirmed.category")
                .isEqualTo("other")
                .jsonPath("$.confirmed.merchant")
                .doesNotExist();
    }

    @Test
    void aFailedReceiptCanBeConfirmedWithFullCorrections() {
        UUID id = UUID.randomUUID();
        receipts.put(aReceipt(id, ALICE, ReceiptStatus.FAILED, null, ReceiptFixtures.UPLOADED));

        expectProblem(confirm(ALICE, id, Map.of("total", "4.20")), 422, "OCR_CONFIRMATION_INCOMPLETE");
        confirm(
                        ALICE,
                        id,
                        Map.of("total", "4.20", "occurredOn", "2026-01-14", "currency", "GBP", "category", "groceries"))
                .expectStatus()
                .isOk();
    }

    @Test
    void badCorrectionsAre400() {
        UUID id = UUID.randomUUID();
        receipts.put(aProcessedReceipt(id, ALICE));

        expectProblem(confirm(ALICE, id, Map.of("total", "12.5x")), 400, "VALIDATION_FAILED");
        expectProblem(confirm(ALICE, id, Map.of("currency", "euro")), 400, "VALIDATION_FAILED");
        expectProblem(confirm(ALICE, id, Map.of("total", "0")), 400, "OCR_INVALID_CONFIRMATION");
        expectProblem(confirm(ALICE, id, Map.of("currency", "XYZ")), 400, "OCR_INVALID_CONFIRMATION");
        expectProblem(confirm(ALICE, id, Map.of("total", "1.234", "currency", "EUR")), 400, "OCR_INVALID_CONFIRMATION");
        expectProblem(confirm(ALICE, id, Map.of("occurredOn", "2031-01-01")), 400, "OCR_INVALID_CONFIRMATION");
        expectProblem(confirm(ALICE, id, Map.of("occurredOn", "yesterday")), 400, "MALFORMED_REQUEST");
    }

    @Test
    void deletingRemovesTheReceiptAndItsImage() {
        byte[] image = TestImages.jpeg(420, 800);
        String id = upload(ALICE, file(image, "a.jpg", MediaType.IMAGE_JPEG))
                .expectStatus()
                .isAccepted()
                .returnResult(Map.class)
                .getResponseBody()
                .blockFirst()
                .get("receiptId")
                .toString();
        assertThat(receipts.hasImage(UUID.fromString(id))).isTrue();

        delete(ALICE, UUID.fromString(id)).expectStatus().isNoContent();

        assertThat(receipts.hasImage(UUID.fromString(id))).isFalse();
        expectProblem(get(ALICE, id), 404, "OCR_RECEIPT_NOT_FOUND");
        expectProblem(delete(ALICE, UUID.fromString(id)), 404, "OCR_RECEIPT_NOT_FOUND");
    }

    // ------------------------------------------------------------------ helpers

    /** The confirmed events of one receipt (the outbox is shared by the tests of this class). */
    private List<io.mita.common.events.OutgoingEvent> confirmations(UUID id) {
        return outbox.appended().stream()
                .filter(e -> e.type().equals(ReceiptPublisher.CONFIRMED))
                .filter(e -> ((ReceiptConfirmed) e.data()).receiptId().equals(id))
                .toList();
    }

    private static MultipartBodyBuilder file(byte[] bytes, String name, MediaType declared) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", resource(bytes, name)).contentType(declared);
        return parts;
    }

    private static ByteArrayResource resource(byte[] bytes, String name) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private WebTestClient.ResponseSpec upload(UUID user, MultipartBodyBuilder parts) {
        return web.post()
                .uri(ReceiptController.PATH)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(UUID user, String id) {
        return web.get()
                .uri(ReceiptController.PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    private Map<?, ?> list(UUID user, String query) {
        return web.get()
                .uri(ReceiptController.PATH + query)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody()
                .blockFirst();
    }

    private static String uploadedAt(Map<?, ?> page, int index) {
        return ((Map<?, ?>) ((List<?>) page.get("items")).get(index))
                .get("uploadedAt")
                .toString();
    }

    private WebTestClient.ResponseSpec confirm(UUID user, UUID id, Map<String, String> body) {
        var request = web.post()
                .uri(ReceiptController.PATH + "/" + id + "/confirm")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)));
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    private WebTestClient.ResponseSpec delete(UUID user, UUID id) {
        return web.delete()
                .uri(ReceiptController.PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }
}
