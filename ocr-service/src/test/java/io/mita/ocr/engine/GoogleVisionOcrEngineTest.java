package io.mita.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.extraction.ReadLine;
import io.mita.ocr.extraction.ReceiptExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Cloud Vision adapter against a local fake of {@code images:annotate}: what it sends, how it reads the answer. */
class GoogleVisionOcrEngineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BufferedImage IMAGE = new BufferedImage(120, 80, BufferedImage.TYPE_BYTE_GRAY);

    private final FakeVision vision = new FakeVision();

    @AfterEach
    void stop() {
        vision.close();
    }

    @Test
    void readsARealisticAnswerIntoTheLinesTheExtractionUnderstands() throws Exception {
        vision.answer(200, FakeVision.receiptAnswer());

        OcrText text = engine("the-key", null).read(IMAGE).block(Duration.ofSeconds(30));

        assertThat(text.lines())
                .extracting(OcrLine::text)
                .containsExactly(
                        "TESCO",
                        "Express Camden High St",
                        "VAT No GB 220 4302 31",
                        "25/12/2018 14:32",
                        "MILK 2L  1.45",
                        "BREAD WHOLEMEAL  0.95",
                        "BANANAS  1.20",
                        "SUBTOTAL  3.60",
                        "VAT 0%  0.00",
                        "TOTAL  £3.60",
                        "CARD VISA  3.60",
                        "THANK YOU FOR SHOPPING");
        assertThat(text.lines().get(0).confidence()).isEqualTo(99.0);
        assertThat(text.lines().get(5).confidence())
                .as("a line's confidence is the mean of its words' (the amount 0.95 was read at 0.62)")
                .isEqualTo((0.95 + 0.95 + 0.62) / 3 * 100, org.assertj.core.data.Offset.offset(0.01));
        assertThat(text.lines()).extracting(OcrLine::top).isSorted();

        Extraction read = new ReceiptExtractor("EUR").extract(lines(text), LocalDate.of(2026, 11, 30));
        assertThat(read.total().value()).isEqualByComparingTo(new BigDecimal("3.60"));
        assertThat(read.date().value()).isEqualTo(LocalDate.of(2018, 12, 25));
        assertThat(read.currency().value()).isEqualTo("GBP");
        assertThat(read.merchant().value()).isEqualToIgnoringCase("Tesco");
        assertThat(read.total().confidence()).isGreaterThan(0.5);

        FakeVision.Received request = vision.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/images:annotate");
        assertThat(request.header("X-Goog-Api-Key")).isEqualTo("the-key");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.at("/requests/0/features/0/type").asString()).isEqualTo("DOCUMENT_TEXT_DETECTION");
        assertThat(body.at("/requests/0/imageContext/languageHints/0").asString())
                .isEqualTo("en");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(body.at("/requests/0/image/content").asString())));
        assertThat(sent.getWidth()).isEqualTo(120);
        assertThat(sent.getHeight()).isEqualTo(80);
    }

    @Test
    void sendsTheBearerTokenWhenThatIsTheConfiguredCredential() {
        vision.answer(200, "{\"responses\":[{}]}");

        engine(null, "ya29.token").read(IMAGE).block(Duration.ofSeconds(30));

        FakeVision.Received request = vision.received().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer ya29.token");
        assertThat(request.header("X-Goog-Api-Key")).isNull();
    }

    @Test
    void anImageWithoutTextIsReadAsNoLines() {
        vision.answer(200, "{\"responses\":[{}]}");

        OcrText text = engine("k", null).read(IMAGE).block(Duration.ofSeconds(30));

        assertThat(text.lines()).isEmpty();
        assertThat(text.meanConfidence()).isZero();
    }

    @Test
    void wordsVisionDidNotRateGetTheUnratedConfidence() {
        vision.answer(200, """
                {"responses":[{"fullTextAnnotation":{"pages":[{"blocks":[{"paragraphs":[{"words":[
                  {"boundingBox":{"vertices":[{"x":10,"y":10},{"x":90,"y":10},{"x":90,"y":40},{"x":10,"y":40}]},
                   "symbols":[{"text":"H"},{"text":"I","property":{"detectedBreak":{"type":"LINE_BREAK"}}}]}
                ]}]}]}]}}]}
                """);

        OcrText text = engine("k", null).read(IMAGE).block(Duration.ofSeconds(30));

        assertThat(text.lines()).containsExactly(new OcrLine("HI", GoogleVisionOcrEngine.UNRATED_CONFIDENCE, 10));
    }

    @Test
    void aServerErrorIsAnEngineError() {
        vision.answer(503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\"}}");

        expectEngineError("HTTP 503: The service is currently unavailable.");
    }

    @Test
    void refusedCredentialsAreAnEngineErrorThatSaysSo() {
        vision.answer(
                401,
                "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                        + "\"status\":\"UNAUTHENTICATED\"}}");

        expectEngineError("refused the credentials (HTTP 401: Request had invalid authentication credentials.)");
    }

    @Test
    void malformedJsonIsAnEngineError() {
        vision.answer(200, "{\"responses\":[{\"fullTextAnnotation\":{\"pages\":[");

        expectEngineError("malformed JSON");
    }

    @Test
    void anAnswerWithoutTheOneResponseIsAnEngineError() {
        vision.answer(200, "{\"something\":\"else\"}");

        expectEngineError("without exactly one response");
    }

    @Test
    void anErrorInsideTheAnswerIsAnEngineError() {
        vision.answer(200, "{\"responses\":[{\"error\":{\"code\":3,\"message\":\"Bad image data.\"}}]}");

        expectEngineError("could not read the image (code 3: Bad image data.)");
    }

    @Test
    void anUnreachableEndpointIsAnEngineError() {
        String endpoint = vision.endpoint();
        vision.close();

        StepVerifier.create(engine(endpoint, "k", null).read(IMAGE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OcrEngineException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(OcrEngineException.Kind.ENGINE_ERROR);
                    assertThat(failure.getMessage()).contains("could not be reached");
                }))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void exactlyOneCredentialMustBeConfigured() {
        assertThatThrownBy(() -> GoogleVisionOcrEngine.credentials("", " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither is set");
        assertThatThrownBy(() -> GoogleVisionOcrEngine.credentials("key", "token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both are set");
        assertThat(GoogleVisionOcrEngine.credentials("key", null)).isEqualTo(Map.entry("X-Goog-Api-Key", "key"));
        assertThat(GoogleVisionOcrEngine.credentials(null, "t")).isEqualTo(Map.entry("Authorization", "Bearer t"));
    }

    private void expectEngineError(String message) {
        StepVerifier.create(engine("k", null).read(IMAGE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OcrEngineException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(OcrEngineException.Kind.ENGINE_ERROR);
                    assertThat(failure.getMessage()).startsWith("google-vision").contains(message);
                }))
                .verify(Duration.ofSeconds(30));
    }

    private GoogleVisionOcrEngine engine(String apiKey, String token) {
        return engine(vision.endpoint(), apiKey, token);
    }

    static GoogleVisionOcrEngine engine(String endpoint, String apiKey, String token) {
        return new GoogleVisionOcrEngine(
                GoogleVisionOcrEngine.client(endpoint, apiKey, token, Duration.ofSeconds(2)),
                JSON,
                GoogleVisionOcrEngine.Feature.DOCUMENT_TEXT_DETECTION,
                List.of("en"));
    }

    private static List<ReadLine> lines(OcrText text) {
        return text.lines().stream()
                .map(line -> new ReadLine(line.text(), line.confidence() / 100))
                .toList();
    }
}
