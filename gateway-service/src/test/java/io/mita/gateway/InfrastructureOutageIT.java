package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.testsupport.RedisTestServer;
import io.mita.testsupport.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway of its own whose Redis sits behind a NetCrusher TCP proxy: closed (a port nobody listens
 * on, as when the gateway started before Redis), open, frozen mid-test (Redis stops answering) or
 * closed again. Whatever Redis does, the auth endpoints stay limited and nothing answers 500. Its Kafka
 * is a port nobody listens on: security events are dropped and counted, requests never wait for them,
 * and the gateway stays ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureOutageIT {

    private static final FakeDownstream DOWNSTREAM = FakeDownstream.start();
    private static final int LOGIN_LIMIT = 3;
    private static final String PREFIX = "mita:rl:outage-test:" + UUID.randomUUID();
    private static final NioReactor REACTOR = reactor();
    /** Starts closed: at startup the gateway's Redis port has nobody listening. */
    private static final TcpCrusher REDIS = TcpCrusherBuilder.builder()
            .withReactor(REACTOR)
            .withBindAddress(new InetSocketAddress("127.0.0.1", FakeDownstream.unusedPort()))
            .withConnectAddress(RedisTestServer.host(), RedisTestServer.port())
            .build();

    private static int nextIp = 1;

    @DynamicPropertySource
    static void gatewayWithRedisBehindAProxy(DynamicPropertyRegistry registry) {
        registry.add("mita.security.jwks-uri", TestTokens::jwksUri);
        registry.add("MITA_AUTH_URL", DOWNSTREAM::uri);
        registry.add("MITA_BUDGET_URL", DOWNSTREAM::uri);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + FakeDownstream.unusedPort());
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "1000");
        registry.add("mita.gateway.security-events.window", () -> "1s");
        registry.add("spring.data.redis.port", () -> REDIS.getBindAddress().getPort());
        registry.add("mita.gateway.trusted-proxies", () -> "127.0.0.1/32");
        registry.add("mita.gateway.rate-limits.key-prefix", () -> PREFIX);
        registry.add("mita.gateway.rate-limits.redis-retry-after", () -> "300ms");
        registry.add("mita.gateway.rate-limits.rules.loginip.capacity", () -> LOGIN_LIMIT);
        registry.add("mita.gateway.rate-limits.rules.loginemail.capacity", () -> LOGIN_LIMIT);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void fastClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stopProxy() {
        REDIS.close();
        REACTOR.close();
        if (directFactory != null) {
            directFactory.destroy();
        }
    }

    @Test
    @Order(1)
    void limitsLoginsInMemoryWhenRedisWasNeverReachable() {
        assertThat(REDIS.isOpen())
                .as("runs first, while the gateway has never reached Redis")
                .isFalse();
        awaitFallback();

        assertLoginsLimited(newIp());
        assertThat(fallbacks()).isGreaterThanOrEqualTo(LOGIN_LIMIT + 1);
    }

    @Test
    @Order(2)
    void staysReadyAndAnswersRefusalsPromptlyWhileRedisAndKafkaAreDownCountingTheEventsItCannotPublish() {
        assertThat(REDIS.isOpen()).isFalse();
        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        double droppedBefore = dropped();

        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            client.get()
                    .uri("/api/budget/transactions")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (dropped() <= droppedBefore) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the events Kafka could not take were never counted as dropped");
            }
            sleep(100);
        }
    }

    @Test
    void keepsLimitingWithoutErrorsOrLongWaitsWhenRedisFreezesMidTestAndUsesRedisAgainAfterwards() {
        openAndAwaitRedis();
        String ip = newIp();
        login(ip).expectStatus().isOk();
        assertThat(bucketsInRedis())
                .as("Redis holds the buckets while it answers")
                .isPositive();
        double fallbacksBefore = fallbacks();

        REDIS.freeze();
        try {
            long started = System.nanoTime();
            // the first request waits for Redis at most the command timeout, the next ones not at all;
            // the in-memory buckets start full (the token taken in Redis is not known here)
            assertLoginsLimited(ip);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(fallbacks()).isGreaterThan(fallbacksBefore);
        } finally {
            REDIS.unfreeze();
        }

        awaitRedis();
        String other = newIp();
        long keysBefore = bucketsInRedis();
        login(other).expectStatus().isOk();
        assertThat(bucketsInRedis()).isGreaterThan(keysBefore);
    }

    @Test
    void keepsLimitingWhenTheRedisConnectionIsCutMidTest() {
        openAndAwaitRedis();
        String ip = newIp();
        login(ip).expectStatus().isOk();

        REDIS.close();

        assertLoginsLimited(ip);
    }

    private void assertLoginsLimited(String ip) {
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            login(ip)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("X-RateLimit-Remaining", Integer.toString(LOGIN_LIMIT - 1 - i));
        }
        expectRateLimited(login(ip));
    }

    private static void expectRateLimited(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "0")
                .expectBody()
                .returnResult();
        assertThat(new String(result.getResponseBodyContent())).contains("\"code\":\"RATE_LIMITED\"");
    }

    private WebTestClient.ResponseSpec login(String ip) {
        return client.post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"password\":\"secret\"}")
                .exchange();
    }

    private double fallbacks() {
        return meters.get("mita.gateway.ratelimit.fallback").counter().count();
    }

    private double dropped() {
        return meters.get("mita.gateway.security.events.dropped").counter().count();
    }

    private double redisUsable() {
        return meters.get("mita.gateway.ratelimit.redis.usable").gauge().value();
    }

    private long bucketsInRedis() {
        // read Redis directly, not through the gateway's proxied connection
        return directRedis()
                .scan(ScanOptions.scanOptions().match(PREFIX + ":*").count(1000).build())
                .count()
                .block(Duration.ofSeconds(5));
    }

    private void openAndAwaitRedis() {
        if (!REDIS.isOpen()) {
            REDIS.open();
        }
        awaitRedis();
    }

    private void awaitRedis() {
        awaitGauge(1.0);
    }

    private void awaitFallback() {
        awaitGauge(0.0);
    }

    private void awaitGauge(double expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (redisUsable() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mita.gateway.ratelimit.redis.usable never became " + expected);
            }
            sleep(50);
        }
    }

    private static String newIp() {
        return "198.19.0." + nextIp++;
    }

    private static LettuceConnectionFactory directFactory;
    private static ReactiveStringRedisTemplate direct;

    private static ReactiveStringRedisTemplate directRedis() {
        if (direct == null) {
            directFactory = new LettuceConnectionFactory(RedisTestServer.host(), RedisTestServer.port());
            directFactory.afterPropertiesSet();
            directFactory.start();
            direct = new ReactiveStringRedisTemplate(directFactory);
        }
        return direct;
    }

    private static NioReactor reactor() {
        try {
            return new NioReactor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
