package io.mita.insights.narrative;

import static io.mita.insights.narrative.FakeChatServer.ok;
import static io.mita.insights.narrative.FakeChatServer.slow;
import static io.mita.insights.narrative.FakeChatServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.insights.analysis.Insight;
import io.mita.insights.analysis.InsightKind;
import io.mita.insights.analysis.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The narrative against a fake chat-completions server on loopback: the answer's text and token counts; what is
 * sent (aggregates and categories only); slow, failing, malformed answers and an open circuit all give the
 * templated text, each failure retried only when retrying can help.
 */
class NarratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final UUID TRANSACTION = UUID.randomUUID();

    private final FakeChatServer server = new FakeChatServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    NarratorTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theModelsAnswerIsTheNarrativeAndItsTokensAndCostAreCounted() {
        server.answers(ok("Groceries ran over: try a weekly list.", 120, 30));

        String narrative = narrator(true, 3).narrate(unusual(), MARCH).block(Duration.ofSeconds(30));

        assertThat(narrative).isEqualTo("Groceries ran over: try a weekly list.");
        assertThat(meters.counter("mita.insights.narrative.tokens", "type", "prompt")
                        .count())
                .isEqualTo(120);
        assertThat(meters.counter("mita.insights.narrative.tokens", "type", "completion")
                        .count())
                .isEqualTo(30);
        // (0.002 × 120 + 0.004 × 30) / 1000 = 0.00036
        assertThat(meters.counter("mita.insights.narrative.cost").count())
                .isCloseTo(0.00036, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(meters.counter("mita.insights.narrative.calls", "outcome", "ok")
                        .count())
                .isEqualTo(1);
        assertThat(server.requests)
                .singleElement()
                .satisfies(request ->
                        assertThat(request.headers().get("Authorization")).containsExactly("Bearer test-key"));
    }

    @Test
    void onlyAggregatedFiguresAndCategoryNamesAreSent() {
        server.answers(ok("fine", 1, 1));
        Narrator narrator = narrator(true, 3);

        narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30));
        narrator.narrate(recurring(), MARCH).block(Duration.ofSeconds(30));

        assertThat(server.requests).hasSize(2).allSatisfy(request -> {
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("model").asString()).isEqualTo("test-model");
            JsonNode prompt =
                    JSON.readTree(body.get("messages").get(1).get("content").asString());
            assertThat(prompt.propertyNames()).containsExactly("kind", "severity", "month", "figures");
            assertThat(NarrativePrompt.ALLOWED)
                    .containsAll(prompt.get("figures").propertyNames());
            assertThat(request.body())
                    .doesNotContainIgnoringCase("secret shop")
                    .doesNotContain(TRANSACTION.toString())
                    .doesNotContain("2026-03-03")
                    .doesNotContain("2026-04-04")
                    .doesNotContain("@")
                    .doesNotContainIgnoringCase("alice");
        });
        JsonNode unusualFigures = JSON.readTree(
                        JSON.readTree(server.requests.get(0).body())
                                .get("messages")
                                .get(1)
                                .get("content")
                                .asString())
                .get("figures");
        assertThat(unusualFigures.get("category").asString()).isEqualTo("groceries");
        assertThat(unusualFigures.get("amount").asString()).isEqualTo("60.00");
    }

    @Test
    void aSlowModelTimesOutEveryAttemptAndTheTemplatedTextIsUsed() {
        server.answers(slow(30_000));

        String narrative = narrator(true, 2, Duration.ofSeconds(1))
                .narrate(unusual(), MARCH)
                .block(Duration.ofSeconds(30));

        assertThat(narrative).isEqualTo(unusual().text());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.requests.size() == 2);
        assertThat(meters.counter("mita.insights.narrative.calls", "outcome", "timeout")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUntilOneAnswers() {
        server.answers(status(503), status(500), ok("third time lucky", 5, 5));

        String narrative = narrator(true, 3).narrate(unusual(), MARCH).block(Duration.ofSeconds(30));

        assertThat(narrative).isEqualTo("third time lucky");
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void serverErrorsOnEveryAttemptGiveTheTemplatedText() {
        server.answers(status(502));

        String narrative = narrator(true, 3).narrate(unusual(), MARCH).block(Duration.ofSeconds(30));

        assertThat(narrative).isEqualTo(unusual().text());
        assertThat(server.requests).hasSize(3);
        assertThat(meters.counter("mita.insights.narrative.calls", "outcome", "server")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aMalformedAnswerOrARefusalIsNotRetried() {
        server.answers(
                new FakeChatServer.Answer(200, "this is no JSON", 0),
                new FakeChatServer.Answer(200, "{\"choices\":[]}", 0),
                status(401));
        Narrator narrator = narrator(true, 3);

        assertThat(narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30)))
                .isEqualTo(unusual().text());
        assertThat(narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30)))
                .isEqualTo(unusual().text());
        assertThat(narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30)))
                .isEqualTo(unusual().text());

        assertThat(server.requests).hasSize(3);
        assertThat(meters.counter("mita.insights.narrative.calls", "outcome", "malformed")
                        .count())
                .isEqualTo(2);
        assertThat(meters.counter("mita.insights.narrative.calls", "outcome", "refused")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anOpenCircuitCallsTheModelNoMore() {
        server.answers(status(500));
        Narrator narrator = narrator(true, 2);

        // window of 4 attempts: two narratives of two failed attempts each open the circuit
        narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30));
        narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30));
        assertThat(narrator.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = server.requests.size();

        String narrative = narrator.narrate(unusual(), MARCH).block(Duration.ofSeconds(30));

        assertThat(narrative).isEqualTo(unusual().text());
        assertThat(server.requests).hasSize(before);
        assertThat(meters.counter("mita.insights.narrative.calls", "outcome", "circuit_open")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void turnedOffNoCallIsMade() {
        String narrative = narrator(false, 3).narrate(unusual(), MARCH).block(Duration.ofSeconds(30));

        assertThat(narrative).isEqualTo(unusual().text());
        assertThat(server.requests).isEmpty();
    }

    /** Time limit 10 s per attempt: a loaded machine never cuts a healthy answer short. */
    private Narrator narrator(boolean enabled, int attempts) {
        return narrator(enabled, attempts, Duration.ofSeconds(10));
    }

    private Narrator narrator(boolean enabled, int attempts, Duration timeout) {
        NarrativeProperties properties = new NarrativeProperties(
                enabled,
                server.baseUrl(),
                "test-key",
                "test-model",
                120,
                timeout,
                attempts,
                Duration.ofMillis(20),
                50,
                4,
                Duration.ofMinutes(1),
                2,
                new BigDecimal("0.002"),
                new BigDecimal("0.004"));
        return new Narrator(
                new OpenAiCompatibleNarrativeModel(JSON, server.baseUrl(), "test-key", "test-model", 120),
                properties,
                meters);
    }

    private static Insight unusual() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("transactionId", TRANSACTION.toString());
        evidence.put("category", "groceries");
        evidence.put("on", "2026-03-03");
        evidence.put("amount", "60.00");
        evidence.put("median", "12.00");
        evidence.put("mad", "1.00");
        evidence.put("zScore", new BigDecimal("32.38"));
        evidence.put("threshold", 3.5);
        evidence.put("sampleSize", 6);
        return new Insight(
                InsightKind.UNUSUAL_TRANSACTION,
                TRANSACTION.toString(),
                Severity.HIGH,
                "Unusual expense in groceries",
                "An expense of 60.00 EUR in groceries on 2026-03-03 is far above your usual 12.00 EUR (robust z-score 32.38).",
                evidence);
    }

    private static Insight recurring() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("merchant", "Secret Shop");
        evidence.put("category", "subscriptions");
        evidence.put("payments", 3);
        evidence.put("typicalAmount", "9.99");
        evidence.put("intervalDays", 30L);
        evidence.put("lastOn", "2026-03-05");
        evidence.put("nextExpectedOn", "2026-04-04");
        return new Insight(
                InsightKind.RECURRING_PAYMENT,
                "secret shop",
                Severity.LOW,
                "Recurring payment in subscriptions",
                "A payment of about 9.99 EUR in subscriptions repeats every 30 days (3 times); the next is expected on 2026-04-04.",
                evidence);
    }
}
