package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.correlation.CorrelationId;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.RedisTestServer;
import io.mita.testsupport.TestTokens;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The whole gateway on a random port, its routes pointed at a {@link FakeDownstream} (auth, budget,
 * ocr, notification) or at a port nobody listens on (insights, audit: services that are down), checking
 * tokens against the test JWKS, keeping rate limits in the tests' own Redis ({@link RedisTestServer})
 * and publishing security events to the test Kafka broker. Every subclass shares this one application
 * context. 127.0.0.1 is a trusted proxy, so tests choose a client's address with X-Forwarded-For
 * ({@link #newClientIp()}); {@link #untrustedClient()} connects from 127.0.0.2, which is not trusted.
 * Rate limits are small ({@code TEST_*} constants) and security events aggregate per second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(ConnectionCounting.class)
// most tests call from 127.0.0.1 with tokens: the per-address limit in front of the token check is tested
// with its own small capacity in TokenCheckLimitIT (a subclass's @TestPropertySource wins over this one)
@TestPropertySource(properties = "mita.gateway.rate-limits.token-check.capacity=1000000")
abstract class GatewayTestSupport {

    static final FakeDownstream DOWNSTREAM = FakeDownstream.start();
    static final String DOWN = "http://127.0.0.1:" + FakeDownstream.unusedPort();
    /** ocr's response timeout is overridden so a slow answer times out quickly. */
    static final String OCR_RESPONSE_TIMEOUT = "500ms";

    static final String REDIS_KEY_PREFIX = "mita:rl:test:" + UUID.randomUUID();
    static final int TEST_LOGIN_LIMIT = 3;
    static final int TEST_REGISTER_LIMIT = 5;
    static final int TEST_RECEIPT_UPLOAD_LIMIT = 3;
    static final int TEST_DEFAULT_LIMIT = 20;
    private static final AtomicInteger NEXT_IP = new AtomicInteger();

    @DynamicPropertySource
    static void gatewayUnderTest(DynamicPropertyRegistry registry) {
        registry.add("mita.security.jwks-uri", TestTokens::jwksUri);
        registry.add("mita.security.issuer", () -> TestTokens.ISSUER);
        registry.add("mita.security.audience", () -> TestTokens.AUDIENCE);
        registry.add("MITA_AUTH_URL", DOWNSTREAM::uri);
        registry.add("MITA_BUDGET_URL", DOWNSTREAM::uri);
        registry.add("MITA_OCR_URL", DOWNSTREAM::uri);
        registry.add("MITA_NOTIFICATION_URL", DOWNSTREAM::uri);
        registry.add("MITA_INSIGHTS_URL", () -> DOWN);
        registry.add("MITA_AUDIT_URL", () -> DOWN);
        registry.add("mita.gateway.routes.ocr.response-timeout", () -> OCR_RESPONSE_TIMEOUT);
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("spring.data.redis.host", RedisTestServer::host);
        registry.add("spring.data.redis.port", RedisTestServer::port);
        registry.add("mita.gateway.trusted-proxies", () -> "127.0.0.1/32");
        registry.add("mita.gateway.rate-limits.key-prefix", () -> REDIS_KEY_PREFIX);
        registry.add("mita.gateway.rate-limits.redis-retry-after", () -> "500ms");
        // a busy build machine must not push these tests onto the in-memory fallback (InfrastructureOutageIT tests it)
        registry.add("mita.gateway.rate-limits.redis-timeout", () -> "2s");
        registry.add("spring.data.redis.timeout", () -> "2s");
        registry.add("mita.gateway.rate-limits.rules.loginip.capacity", () -> TEST_LOGIN_LIMIT);
        registry.add("mita.gateway.rate-limits.rules.loginemail.capacity", () -> TEST_LOGIN_LIMIT);
        registry.add("mita.gateway.rate-limits.rules.register.capacity", () -> TEST_REGISTER_LIMIT);
        registry.add("mita.gateway.rate-limits.rules.receiptupload.capacity", () -> TEST_RECEIPT_UPLOAD_LIMIT);
        registry.add("mita.gateway.rate-limits.default-rule.capacity", () -> TEST_DEFAULT_LIMIT);
        registry.add("mita.gateway.security-events.window", () -> "1s");
    }

    @LocalServerPort
    int port;

    /** Actuator and API docs answer only here, never on the public port. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionCounting connections;

    @Autowired
    MeterRegistry meters;

    /** Until the limiter's first ping reached Redis, the in-memory fallback decides: tests start after that. */
    @BeforeEach
    void awaitRedisRateLimits() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (meters.get("mita.gateway.ratelimit.redis.usable").gauge().value() != 1.0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the gateway never reached the test Redis on port " + RedisTestServer.port());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Asserts a problem+json answer whose correlationId matches the response header, and returns its body. */
    static Map<String, Object> expectProblem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        EntityExchangeResult<Map<String, Object>> result = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        Map<String, Object> body = result.getResponseBody();
        assertThat(body)
                .containsEntry("status", status.value())
                .containsEntry("code", code)
                .containsKey("errorId");
        String correlationId = result.getResponseHeaders().getFirst(CorrelationId.HEADER);
        assertThat(correlationId).isNotBlank();
        assertThat(body).containsEntry("correlationId", correlationId);
        return body;
    }

    static String bearer() {
        return "Bearer " + TestTokens.forUser(UUID.randomUUID());
    }

    static String bearer(UUID userId) {
        return "Bearer " + TestTokens.forUser(userId);
    }

    /**
     * A client of the management port. For {@code /actuator/prometheus}: the exposition holds
     * request-latency histograms per status and method and outgrows the client's default 256 KB buffer
     * once a few test classes have run.
     */
    WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** A path of the budget route no other test asks for (FakeDownstream answers it 200). */
    static String uniquePath() {
        return "/api/budget/it/" + UUID.randomUUID();
    }

    /**
     * A client address no other test of this run uses (from the benchmarking range 198.18.0.0/15;
     * buckets of earlier runs live under another Redis key prefix).
     */
    static String newClientIp() {
        int n = NEXT_IP.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A client whose TCP peer address, 127.0.0.2, is not a trusted proxy. */
    WebTestClient untrustedClient() {
        HttpClient fromUntrustedAddress = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(fromUntrustedAddress))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
