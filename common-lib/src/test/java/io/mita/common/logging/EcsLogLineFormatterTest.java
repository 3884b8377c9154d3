package io.mita.common.logging;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.mita.common.config.MitaDefaultsEnvironmentPostProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.BasicMarkerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * MITA's formatter writes the document Spring Boot's {@code ecs} formatter writes with MITA's settings
 * (common-lib's defaults: the service name, the PII masking customizer), for every kind of event: both run through
 * Boot's {@code StructuredLogEncoder}, their lines are parsed and compared as trees, and as text (same order).
 */
class EcsLogLineFormatterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LoggerContext LOGGERS = new LoggerContext();
    private static final BasicMarkerFactory MARKERS = new BasicMarkerFactory();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String CORRELATION_ID = "3f2a9c1e-8d4b-4a6f-9e1c-2b7d5a3c8e90";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111111111111111";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl";
    private static final String BEARER_TOKEN = "opaqueAccessToken123";

    @Test
    void writesTheDocumentBootsEcsFormatterWritesForEveryKindOfEvent() {
        assertSameDocuments(mitaEnvironment(), events());
    }

    @Test
    void writesTheSameDocumentForRandomTextWithEveryCharacterThatNeedsCare() {
        Random random = new Random(14);
        List<ILoggingEvent> events = new ArrayList<>();
        for (int i = 0; i < RANDOM_EVENTS; i++) {
            Map<String, String> mdc = new LinkedHashMap<>();
            mdc.put("correlationId", randomText(random, 12));
            mdc.put(randomName(random), randomText(random, 24));
            events.add(event(
                    randomText(random, 8), Level.INFO, randomText(random, 1 + random.nextInt(200)), mdc, null, null));
        }
        assertDrawsEveryCharacter("thread names", events.stream().map(ILoggingEvent::getThreadName));
        assertDrawsEveryCharacter("messages", events.stream().map(ILoggingEvent::getMessage));
        assertDrawsEveryCharacter(
                "context values", events.stream().flatMap(event -> event.getMDCPropertyMap().values().stream()));
        assertSameDocuments(mitaEnvironment(), events);
    }

    @Test
    void writesTheSameServiceMembersWhenVersionEnvironmentAndNodeAreSetAndNoPidIsKnown() {
        MockEnvironment environment = mitaEnvironment()
                .withProperty("spring.application.version", "1.4.2")
                .withProperty("logging.structured.ecs.service.environment", "production")
                .withProperty("logging.structured.ecs.service.node-name", "node-\"7\"");
        assertSameDocuments(environment, events());
        MockEnvironment withoutPid = new MockEnvironment().withProperty("spring.application.name", "ocr-service");
        new MitaDefaultsEnvironmentPostProcessor().postProcessEnvironment(withoutPid, new SpringApplication());
        assertSameDocuments(withoutPid, events());
    }

    @Test
    void writesTheSameContextMembersUnderAPrefixAndNoneWhenTheContextIsExcluded() {
        // under a prefix an empty MDC name becomes the prefix itself and clashes with the other entries in both writers
        List<ILoggingEvent> withoutEmptyNames = events().stream()
                .filter(event -> !event.getMDCPropertyMap().containsKey(""))
                .toList();
        assertSameDocuments(
                mitaEnvironment().withProperty("logging.structured.json.context.prefix", "ctx"), withoutEmptyNames);
        assertSameDocuments(
                mitaEnvironment().withProperty("logging.structured.json.context.prefix", "mdc."), withoutEmptyNames);
        assertSameDocuments(
                mitaEnvironment().withProperty("logging.structured.json.context.include", "false"), events());
    }

    @Test
    void writesTheSameStackTraceWhenTheStackTracePrinterIsConfigured() {
        MockEnvironment environment = mitaEnvironment()
                .withProperty("logging.structured.json.stacktrace.root", "first")
                .withProperty("logging.structured.json.stacktrace.max-length", "600")
                .withProperty("logging.structured.json.stacktrace.include-hashes", "true");
        assertSameDocuments(environment, events());
    }

    @Test
    void writesTheSameBytesInAnotherCharset() {
        LoggingEvent event = event(Level.WARN, "Grüße aus 日本 \uD800 " + EMAIL, Map.of("city", "Zürich"));
        byte[] boot = encoder("ecs", mitaEnvironment(), ISO_8859_1).encode(event);
        byte[] ours = encoder(EcsLogLineFormatter.class.getName(), mitaEnvironment(), ISO_8859_1)
                .encode(event);
        assertThat(new String(ours, ISO_8859_1)).isEqualTo(new String(boot, ISO_8859_1));
    }

    @Test
    void formatsTheSameLineAsTextAsInBytes() {
        EcsLogLineFormatter formatter =
                new EcsLogLineFormatter(mitaEnvironment(), null, startedThrowableProxyConverter());
        for (ILoggingEvent event : events()) {
            assertThat(formatter.formatAsBytes(event, UTF_8))
                    .isEqualTo(formatter.format(event).getBytes(UTF_8));
        }
    }

    @Test
    void aPersonalValueNeverAppearsUnmaskedWhereverTheEventCarriesIt() {
        StructuredLogEncoder ours = encoder(EcsLogLineFormatter.class.getName(), mitaEnvironment(), UTF_8);
        Map<String, String> mdc = Map.of(
                "traceId", TRACE_ID,
                "spanId", SPAN_ID,
                "correlationId", CORRELATION_ID,
                "userEmail", EMAIL,
                "user.card", CARD,
                "authorization", "Bearer " + BEARER_TOKEN);
        List<LoggingEvent> events = List.of(
                event(Level.INFO, "reset asked for " + EMAIL + " with card " + CARD + " and " + JWT, mdc),
                event(
                        Level.INFO,
                        "paid with {} by {} using {}",
                        mdc,
                        "4111 1111 1111 1111",
                        EMAIL,
                        "bearer " + BEARER_TOKEN),
                withPairs(
                        event(Level.INFO, "pairs", Map.of()),
                        Map.of("email", EMAIL, "cards", List.of(CARD), "token", Map.of("jwt", JWT))),
                withMarkers(event(Level.INFO, "marked", Map.of()), MARKERS.getDetachedMarker(EMAIL)),
                event(
                        Level.ERROR,
                        "failed",
                        mdc,
                        new IllegalStateException(
                                "mail to " + EMAIL + " refused",
                                new UncheckedIOException(
                                        "card " + CARD, new IOException("Bearer " + BEARER_TOKEN + " " + JWT)))));
        for (LoggingEvent event : events) {
            String line = new String(ours.encode(event), UTF_8);
            assertThat(line)
                    .doesNotContain(EMAIL, CARD, "4111 1111 1111 1111", JWT, BEARER_TOKEN)
                    .satisfiesAnyOf(
                            masked -> assertThat(masked).contains("j***@example.com"),
                            masked -> assertThat(masked).contains("**** **** **** 1111"),
                            masked -> assertThat(masked).contains("[REDACTED]"));
        }
        String first = new String(ours.encode(events.get(0)), UTF_8);
        assertThat(JSON.readTree(first).get("traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(JSON.readTree(first).get("spanId").asString()).isEqualTo(SPAN_ID);
        assertThat(JSON.readTree(first).get("correlationId").asString()).isEqualTo(CORRELATION_ID);
        assertThat(JSON.readTree(first).get("userEmail").asString()).isEqualTo("j***@example.com");
        assertThat(JSON.readTree(first).get("user").get("card").asString()).isEqualTo("**** **** **** 1111");
    }

    @Test
    void failsALineWhoseContextRepeatsANameAsBootsWriterDoes() {
        StructuredLogEncoder boot = encoder("ecs", mitaEnvironment(), UTF_8);
        StructuredLogEncoder ours = encoder(EcsLogLineFormatter.class.getName(), mitaEnvironment(), UTF_8);
        List<LoggingEvent> clashes = List.of(
                event(Level.INFO, "mdc names a member of the line", Map.of("message", "again")),
                event(Level.INFO, "mdc names the ECS version", Map.of("ecs", "1")),
                event(Level.ERROR, "mdc names the error", Map.of("error", "x"), new IllegalStateException("boom")),
                withMarkers(
                        event(Level.INFO, "mdc names the tags", Map.of("tags", "x")), MARKERS.getDetachedMarker("A")),
                event(Level.INFO, "a value and an object under one name", orderedMap("user", "jane", "user.id", "u-1")),
                withPairs(
                        event(Level.INFO, "a pair repeats an MDC entry", Map.of("attempt", "1")),
                        Map.of("attempt", 2)));
        for (LoggingEvent event : clashes) {
            assertThatIllegalStateException().isThrownBy(() -> boot.encode(event));
            assertThatIllegalStateException().isThrownBy(() -> ours.encode(event));
        }
        assertSameDocuments(
                mitaEnvironment(),
                List.of(event(
                        Level.INFO,
                        "error and tags are free names without an error or markers",
                        Map.of("error", "none", "tags", "none"))));
    }

    @ParameterizedTest
    @CsvSource({
        "logging.structured.json.include, message",
        "logging.structured.json.exclude, process",
        "logging.structured.json.rename.message, msg",
        "logging.structured.json.add.team, payments",
        "logging.structured.json.customizer, com.example.OtherCustomizer"
    })
    void refusesAtStartUpAJsonSettingItWouldNotApply(String property, String value) {
        MockEnvironment environment = mitaEnvironment().withProperty(property, value);
        assertThatIllegalStateException()
                .isThrownBy(() -> new EcsLogLineFormatter(environment, null, startedThrowableProxyConverter()))
                .withMessageContaining("logging.structured.json." + property.split("\\.")[3] + " is set")
                .withMessageContaining("ecs");
    }

    private static void assertSameDocuments(MockEnvironment environment, List<? extends ILoggingEvent> events) {
        StructuredLogEncoder boot = encoder("ecs", environment, UTF_8);
        StructuredLogEncoder ours = encoder(EcsLogLineFormatter.class.getName(), environment, UTF_8);
        for (ILoggingEvent event : events) {
            String expected = new String(boot.encode(event), UTF_8);
            String actual = new String(ours.encode(event), UTF_8);
            assertThat(JSON.readTree(actual)).as("%s", expected).isEqualTo(JSON.readTree(expected));
            assertThat(actual).isEqualTo(expected).endsWith("}\n");
            assertThat(actual.indexOf('\n')).isEqualTo(actual.length() - 1);
        }
    }

    private static StructuredLogEncoder encoder(String format, MockEnvironment environment, Charset charset) {
        LoggerContext context = new LoggerContext();
        context.putObject(org.springframework.core.env.Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(charset);
        encoder.start();
        return encoder;
    }

    /** What common-lib's defaults give a service: its name as the ECS service name, the masking customizer. */
    private static MockEnvironment mitaEnvironment() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "notification-service")
                .withProperty("spring.application.pid", "4242");
        new MitaDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static ThrowableProxyConverter startedThrowableProxyConverter() {
        ThrowableProxyConverter converter = new ThrowableProxyConverter();
        converter.setContext(LOGGERS);
        converter.start();
        return converter;
    }

    private static List<ILoggingEvent> events() {
        Map<String, String> ids = Map.of("traceId", TRACE_ID, "spanId", SPAN_ID, "correlationId", CORRELATION_ID);
        List<ILoggingEvent> events = new ArrayList<>();
        events.add(event(Level.INFO, "GET /api/notifications/unread-count -> 200 in 3 ms", ids));
        events.add(event(Level.INFO, "he said \"hi\" and left C:\\tmp\\x \\u0041 / </script>", Map.of()));
        events.add(event(
                Level.WARN, "one\ntwo\r\n\tthree \b\f \u0000\u0001\u001f \u007f\u0080\u0085\u009f\u00a0 end", ids));
        events.add(event(
                Level.INFO,
                "Grüße, Zoë – 日本語 – 😀 – \u202Ertl\u202C – \uFEFF – \u2028\u2029",
                Map.of("city", "Zürich")));
        events.add(event(
                Level.INFO,
                "lone \uD800 high, lone \uDC00 low, ends high \uD83D",
                Map.of("odd", "\uDE00 \uD83D\uD83D")));
        events.add(event(Level.INFO, "login failed for " + EMAIL + ", card " + CARD + " and 4111-1111-1111-1111", ids));
        events.add(event(Level.INFO, "Authorization: Bearer " + BEARER_TOKEN + " token " + JWT, ids));
        events.add(event(Level.INFO, null, ids));
        events.add(event(Level.INFO, "", Map.of()));
        // 40,000 characters in short words: PiiMasker's e-mail pattern takes time quadratic in a run of e-mail
        // characters before an '@' (a 20,000-character run cost seconds per line, in both writers alike)
        events.add(event(Level.INFO, "word ".repeat(4_000) + EMAIL + " " + "ü".repeat(20_000) + "\"\n", ids));
        events.add(
                event(Level.DEBUG, "user {} paid {} on card {} at {}", ids, EMAIL, new BigDecimal("12.50"), CARD, 3));
        events.add(event(Level.TRACE, "trace {}", Map.of(), (Object) null));
        events.add(event(Level.ERROR, "{} dangling", Map.of(), "arg", new IllegalStateException("from the arguments")));
        events.add(event(
                Level.INFO,
                "mdc of every shape",
                orderedMap(
                        "userEmail", EMAIL,
                        "user.email", "john.roe@example.org",
                        "user.id", "u-1",
                        "a.b.c", "deep",
                        "quote\"key", "value\\with\"quotes\n",
                        "", "an empty name is dropped",
                        "empty", "",
                        "traceId", TRACE_ID,
                        "process2", "not the process member")));
        events.add(event(
                Level.ERROR,
                "mail to " + EMAIL + " failed",
                ids,
                withSuppressed(
                        new IllegalStateException(
                                "mail to " + EMAIL + " refused",
                                new UncheckedIOException("connection reset", new IOException("card " + CARD))),
                        new IllegalArgumentException("suppressed \"quoted\"\n"),
                        new TimeoutException())));
        events.add(event(Level.ERROR, "no message in the exception", Map.of(), new NullPointerException()));
        events.add(event(Level.WARN, "an exception with a cycle-free deep chain", ids, deepChain(12)));
        events.add(withPairs(
                event(Level.INFO, "key-value pairs", ids),
                orderedMap(
                        "userEmail",
                        "john.roe@example.org",
                        "attempt",
                        3,
                        "ok",
                        true,
                        "ratio",
                        0.25f,
                        "ids",
                        List.of("a", EMAIL),
                        "array",
                        new int[] {1, 2},
                        "strings",
                        new String[] {EMAIL, "x\"y"},
                        "nested",
                        Map.of("email", EMAIL),
                        "nothing",
                        null,
                        "order.id",
                        "o-7",
                        "id",
                        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))));
        Marker audit = MARKERS.getDetachedMarker("AUDIT");
        audit.add(MARKERS.getDetachedMarker("SECURITY"));
        audit.add(MARKERS.getDetachedMarker("reported by " + EMAIL));
        events.add(withMarkers(event(Level.INFO, "marked", ids), audit, MARKERS.getDetachedMarker("ALERT")));
        LoggingEvent threadAndLogger =
                event("worker \"1\" – ü\t", Level.INFO, "odd thread and logger names", ids, null, null);
        threadAndLogger.setLoggerName("io.mita.Outer$Inner");
        events.add(threadAndLogger);
        for (String instant : List.of(
                "2026-12-01T09:10:21Z",
                "2026-12-01T09:10:21.100Z",
                "2026-12-01T09:10:21.123456Z",
                "2026-12-01T09:10:21.123456789Z",
                "1999-12-31T23:59:59.999Z")) {
            LoggingEvent timed = event(Level.INFO, "at " + instant, ids);
            timed.setInstant(Instant.parse(instant));
            events.add(timed);
        }
        return events;
    }

    private static LoggingEvent event(Level level, String message, Map<String, String> mdc, Object... arguments) {
        return event("reactor-http-epoll-2", level, message, mdc, null, arguments);
    }

    private static LoggingEvent event(Level level, String message, Map<String, String> mdc, Throwable error) {
        return event("kafka-listener-1", level, message, mdc, error, null);
    }

    private static LoggingEvent event(
            String thread, Level level, String message, Map<String, String> mdc, Throwable error, Object[] arguments) {
        Logger logger = LOGGERS.getLogger("io.mita.notification.passwordreset.PasswordResetMail");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, error, arguments);
        event.setThreadName(thread);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private static LoggingEvent withPairs(LoggingEvent event, Map<String, ?> pairs) {
        pairs.forEach((key, value) -> event.addKeyValuePair(new KeyValuePair(key, value)));
        return event;
    }

    private static LoggingEvent withMarkers(LoggingEvent event, Marker... markers) {
        for (Marker marker : markers) {
            event.addMarker(marker);
        }
        return event;
    }

    private static Throwable withSuppressed(Throwable error, Throwable... suppressed) {
        for (Throwable each : suppressed) {
            error.addSuppressed(each);
        }
        return error;
    }

    private static Throwable deepChain(int depth) {
        Throwable error = new IllegalStateException("root at depth " + depth);
        for (int i = depth - 1; i > 0; i--) {
            error = new RuntimeException("wrapped at depth " + i, error);
        }
        return error;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... namesAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (V) namesAndValues[i + 1]);
        }
        return map;
    }

    private static final String ALPHABET =
            "abcXYZ019 .-_@\"\\/\n\r\t\b\f\u0000\u0007\u001f\u007f\u0085\u009f\u00a0éü日😀\uD800\uDC00";

    /** Seeded, so the same events every run; enough that each kind of random text draws every character above. */
    private static final int RANDOM_EVENTS = 100;

    private static void assertDrawsEveryCharacter(String what, Stream<String> texts) {
        String drawn = texts.collect(Collectors.joining());
        assertThat(ALPHABET.chars().filter(c -> drawn.indexOf(c) < 0).mapToObj(Integer::toHexString))
                .as("characters of ALPHABET that no random %s drew", what)
                .isEmpty();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** A context name without dots (a dotted one could clash with another entry, which fails both writers). */
    private static String randomName(Random random) {
        return "k" + randomText(random, 6).replace('.', '_');
    }
}
