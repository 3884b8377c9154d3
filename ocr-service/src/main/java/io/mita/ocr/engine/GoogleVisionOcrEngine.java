package io.mita.ocr.engine;

import io.mita.ocr.engine.OcrEngineException.Kind;
import io.netty.channel.ChannelOption;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google Cloud Vision's REST API ({@code POST /v1/images:annotate}, {@code TEXT_DETECTION} or
 * {@code DOCUMENT_TEXT_DETECTION}) as an OCR engine: the prepared image goes up as a base64 PNG, the answer's
 * {@code fullTextAnnotation} (pages → blocks → paragraphs → words → symbols with their breaks) comes back as
 * the same lines with confidences the Tesseract engine gives ({@link WordLines}). Authenticates with an API
 * key ({@code X-Goog-Api-Key}) or an OAuth bearer token, whichever is configured. Every failure — an HTTP
 * error (401/403: the credentials; 429 and 5xx: the service), an unreadable or malformed answer, an error
 * inside the answer — is an {@link OcrEngineException} of kind {@code ENGINE_ERROR}, which the circuit
 * breaker counts. Cancelling the subscription (the time limiter) aborts the HTTP exchange.
 */
public class GoogleVisionOcrEngine implements ReceiptOcrEngine {

    /** What Vision is asked for. */
    public enum Feature {
        /** sparse text in photos; answers carry no confidences */
        TEXT_DETECTION,
        /** dense text (documents, receipts); words with confidences */
        DOCUMENT_TEXT_DETECTION
    }

    /**
     * Confidence (0–100) of a word Vision did not rate ({@code TEXT_DETECTION} rates nothing): high enough that
     * the pipeline does not read the image again upside down (it does below 55), so the extraction's own
     * certainty of each rule decides the fields' confidences.
     */
    static final double UNRATED_CONFIDENCE = 80;

    static final String API_KEY_HEADER = "X-Goog-Api-Key";
    static final String PATH = "/v1/images:annotate";

    private final WebClient client;
    private final JsonMapper json;
    private final Feature feature;
    private final List<String> languageHints;

    /**
     * @param client {@link #client}: the API's endpoint ({@code https://vision.googleapis.com}) and credentials
     */
    public GoogleVisionOcrEngine(WebClient client, JsonMapper json, Feature feature, List<String> languageHints) {
        this.client = client;
        this.json = json;
        this.feature = feature;
        this.languageHints = List.copyOf(languageHints);
    }

    /**
     * The HTTP client for the API at {@code endpoint}, sending the credentials with every call (see
     * {@link #credentials(String, String)}); a dense receipt's answer (every symbol with its box) runs to
     * megabytes, so answers up to 32 MB are read.
     */
    public static WebClient client(String endpoint, String apiKey, String bearerToken, Duration connectTimeout) {
        Map.Entry<String, String> credentials = credentials(apiKey, bearerToken);
        HttpClient http =
                HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
        return WebClient.builder()
                .baseUrl(endpoint)
                .clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(credentials.getKey(), credentials.getValue())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
    }

    /**
     * The header that authenticates every call: the API key when one is set, else the bearer token. Exactly
     * one of them must be set.
     */
    public static Map.Entry<String, String> credentials(String apiKey, String bearerToken) {
        boolean key = apiKey != null && !apiKey.isBlank();
        boolean token = bearerToken != null && !bearerToken.isBlank();
        if (key == token) {
            throw new IllegalStateException("the google-vision OCR engine needs exactly one of an API key "
                    + "(MITA_OCR_GOOGLE_VISION_API_KEY) and a bearer token (MITA_OCR_GOOGLE_VISION_TOKEN), "
                    + (key ? "both are set" : "neither is set"));
        }
        return key
                ? Map.entry(API_KEY_HEADER, apiKey.strip())
                : Map.entry(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken.strip());
    }

    @Override
    public String name() {
        return "google-vision";
    }

    @Override
    public Mono<OcrText> read(BufferedImage image) {
        return Mono.fromCallable(() -> request(image))
                .flatMap(body -> client.post()
                        .uri(PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.bodyToMono(String.class)
                                .defaultIfEmpty("")
                                .map(answer -> {
                                    int status = response.statusCode().value();
                                    if (status != 200) {
                                        throw httpError(status, answer);
                                    }
                                    return parse(answer);
                                })))
                .onErrorMap(
                        WebClientRequestException.class,
                        failure -> new OcrEngineException(
                                Kind.ENGINE_ERROR,
                                "google-vision could not be reached: " + failure.getMessage(),
                                failure));
    }

    private String request(BufferedImage image) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("image", Map.of("content", Base64.getEncoder().encodeToString(png(image))));
        request.put("features", List.of(Map.of("type", feature.name())));
        if (!languageHints.isEmpty()) {
            request.put("imageContext", Map.of("languageHints", languageHints));
        }
        return json.writeValueAsString(Map.of("requests", List.of(request)));
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private OcrEngineException httpError(int status, String answer) {
        String what = switch (status) {
            case 401, 403 -> "refused the credentials";
            case 429 -> "refused the call (quota)";
            default -> status >= 500 ? "failed" : "refused the request";
        };
        return new OcrEngineException(
                Kind.ENGINE_ERROR, "google-vision " + what + " (HTTP " + status + errorMessage(answer) + ")");
    }

    /** {@code ": <error.message>"} from a Google error body, when it has one. */
    private String errorMessage(String answer) {
        try {
            JsonNode message = json.readTree(answer).path("error").path("message");
            return message.isString() ? ": " + shorten(message.asString()) : "";
        } catch (JacksonException notJson) {
            return "";
        }
    }

    /** The answer to one image as lines; malformed answers and errors inside the answer fail. */
    OcrText parse(String answer) {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (JacksonException malformed) {
            throw new OcrEngineException(Kind.ENGINE_ERROR, "google-vision answered malformed JSON", malformed);
        }
        JsonNode responses = root.path("responses");
        if (!responses.isArray() || responses.size() != 1 || !responses.get(0).isObject()) {
            throw new OcrEngineException(
                    Kind.ENGINE_ERROR, "google-vision answered without exactly one response for the one image");
        }
        JsonNode response = responses.get(0);
        JsonNode error = response.path("error");
        if (error.isObject()) {
            throw new OcrEngineException(
                    Kind.ENGINE_ERROR,
                    "google-vision could not read the image (code "
                            + error.path("code").asInt() + ": "
                            + shorten(error.path("message").asString("")) + ")");
        }
        JsonNode text = response.path("fullTextAnnotation");
        if (text.isMissingNode() || text.isNull()) {
            // nothing was read: Vision leaves both annotations out for an image without text
            return new OcrText(List.of());
        }
        if (!text.path("pages").isArray()) {
            throw new OcrEngineException(Kind.ENGINE_ERROR, "google-vision answered a text annotation without pages");
        }
        return WordLines.join(lines(text));
    }

    /**
     * The engine's lines: within each paragraph a line ends at a word whose last symbol carries a line break
     * ({@code EOL_SURE_SPACE}, {@code LINE_BREAK}, or {@code HYPHEN} at the end of a line).
     */
    private static List<List<WordLines.Word>> lines(JsonNode annotation) {
        List<List<WordLines.Word>> lines = new ArrayList<>();
        for (JsonNode page : annotation.path("pages")) {
            double pageConfidence = confidence(page, UNRATED_CONFIDENCE);
            for (JsonNode block : page.path("blocks")) {
                double blockConfidence = confidence(block, pageConfidence);
                for (JsonNode paragraph : block.path("paragraphs")) {
                    double paragraphConfidence = confidence(paragraph, blockConfidence);
                    List<WordLines.Word> line = new ArrayList<>();
                    for (JsonNode word : paragraph.path("words")) {
                        StringBuilder text = new StringBuilder();
                        boolean endsLine = false;
                        for (JsonNode symbol : word.path("symbols")) {
                            text.append(symbol.path("text").asString(""));
                            String kind = symbol.path("property")
                                    .path("detectedBreak")
                                    .path("type")
                                    .asString("");
                            endsLine =
                                    kind.equals("EOL_SURE_SPACE") || kind.equals("LINE_BREAK") || kind.equals("HYPHEN");
                        }
                        String wordText = text.toString().strip();
                        if (!wordText.isEmpty()) {
                            line.add(word(wordText, word.path("boundingBox"), confidence(word, paragraphConfidence)));
                        }
                        if (endsLine && !line.isEmpty()) {
                            lines.add(line);
                            line = new ArrayList<>();
                        }
                    }
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }

    /** A word's box from its polygon's vertices (Vision leaves out coordinates that are 0). */
    private static WordLines.Word word(String text, JsonNode box, double confidence) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (JsonNode vertex : box.path("vertices")) {
            int x = vertex.path("x").asInt(0);
            int y = vertex.path("y").asInt(0);
            left = Math.min(left, x);
            top = Math.min(top, y);
            right = Math.max(right, x);
            bottom = Math.max(bottom, y);
        }
        if (left == Integer.MAX_VALUE) {
            throw new OcrEngineException(Kind.ENGINE_ERROR, "google-vision answered a word without a bounding box");
        }
        return new WordLines.Word(text, left, top, Math.max(1, right - left), Math.max(1, bottom - top), confidence);
    }

    /** Vision's confidence 0–1 as 0–100; the enclosing element's when this one is not rated. */
    private static double confidence(JsonNode element, double enclosing) {
        JsonNode confidence = element.path("confidence");
        return confidence.isNumber() ? Math.max(0, Math.min(100, confidence.asDouble() * 100)) : enclosing;
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
