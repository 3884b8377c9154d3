package io.mita.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.caller.ClientAddressProperties;
import io.mita.gateway.caller.ClientAddressResolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limit in front of the token check, deciding from memory (the limiter has not reached Redis: its
 * in-memory fallback decides, as during an outage): 3 token-carrying requests per address per minute.
 */
class TokenCheckLimitWebFilterTest {

    private static final int CAPACITY = 3;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisTokenBuckets unreachable =
            new RedisTokenBuckets(new ReactiveStringRedisTemplate(new LettuceConnectionFactory("127.0.0.1", 1)));
    private final TokenBucketLimiter limiter = new TokenBucketLimiter(
            unreachable,
            new LeasedTokenBuckets(unreachable, 1000, Duration.ofHours(1), Duration.ofSeconds(5), nanos::get, meters),
            new LocalTokenBuckets(1000, Duration.ofHours(1), nanos::get),
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            meters);
    private final TokenCheckLimitWebFilter filter = new TokenCheckLimitWebFilter(
            rules(),
            new RateLimitProperties.AddressLimit(CAPACITY, Duration.ofMinutes(1), 1),
            limiter,
            new ClientAddressResolver(new ClientAddressProperties(List.of())),
            "mita:rl:unit",
            meters);
    private final AtomicInteger passed = new AtomicInteger();
    private final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    @Test
    void runsBeforeSpringSecuritysTokenCheckAndBeforeTheLimitsThatNeedItsResult() {
        assertThat(filter.getOrder())
                .isLessThan(WebFilterOrder.SPRING_SECURITY)
                .isGreaterThan(WebFilterOrder.BODY_LIMIT)
                .isLessThan(WebFilterOrder.RATE_LIMIT);
    }

    @Test
    void refusesAnAddressesFourthTokenCarryingRequestWithRetryAfterBeforeAnyCheck() {
        for (int i = 0; i < CAPACITY; i++) {
            filter.filter(withToken("198.51.100.7"), chain).block();
        }
        MockServerWebExchange fourth = withToken("198.51.100.7");

        Throwable refused = filter.filter(fourth, chain)
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .block();

        assertThat(refused).isInstanceOf(RateLimitedException.class);
        assertThat(passed).hasValue(CAPACITY);
        HttpHeaders headers = fourth.getResponse().getHeaders();
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 20L);
        assertThat(headers.getFirst("X-RateLimit-Limit")).isEqualTo(Integer.toString(CAPACITY));
        assertThat(meters.get("mita.gateway.ratelimit.denied")
                        .tag("rule", "tokencheck")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void countsEachAddressInABucketOfItsOwn() {
        for (int i = 0; i < CAPACITY; i++) {
            filter.filter(withToken("198.51.100.8"), chain).block();
        }

        filter.filter(withToken("198.51.100.9"), chain).block();

        assertThat(passed).hasValue(CAPACITY + 1);
    }

    @Test
    void neverCountsRequestsWithoutABearerTokenPreflightsOrProbes() {
        String ip = "198.51.100.10";
        for (int i = 0; i < 2 * CAPACITY; i++) {
            filter.filter(exchange(MockServerHttpRequest.post("/api/auth/login"), ip), chain)
                    .block();
            filter.filter(
                            exchange(
                                    MockServerHttpRequest.get("/api/budget/transactions")
                                            .header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwdw=="),
                                    ip),
                            chain)
                    .block();
            filter.filter(
                            exchange(
                                    MockServerHttpRequest.options("/api/budget/transactions")
                                            .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                                            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                                            .header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c"),
                                    ip),
                            chain)
                    .block();
            filter.filter(
                            exchange(
                                    MockServerHttpRequest.get("/readyz")
                                            .header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c"),
                                    ip),
                            chain)
                    .block();
        }

        assertThat(passed).hasValue(4 * 2 * CAPACITY);
        filter.filter(withToken(ip), chain).block();
        assertThat(passed).hasValue(4 * 2 * CAPACITY + 1);
    }

    @Test
    void givesAnAddressItsTokensBackWithTime() {
        for (int i = 0; i < CAPACITY; i++) {
            filter.filter(withToken("198.51.100.11"), chain).block();
        }
        nanos.addAndGet(Duration.ofSeconds(21).toNanos());

        filter.filter(withToken("198.51.100.11"), chain).block();

        assertThat(passed).hasValue(CAPACITY + 1);
    }

    @Test
    void recognisesTheBearerSchemeInAnyCase() {
        assertThat(TokenCheckLimitWebFilter.costsASignatureCheck(exchange(
                        MockServerHttpRequest.get("/api/x").header(HttpHeaders.AUTHORIZATION, "bearer x.y.z"),
                        "1.2.3.4")))
                .isTrue();
        assertThat(TokenCheckLimitWebFilter.costsASignatureCheck(exchange(
                        MockServerHttpRequest.get("/api/x").header(HttpHeaders.AUTHORIZATION, "Bearer "), "1.2.3.4")))
                .isFalse();
    }

    private static MockServerWebExchange withToken(String ip) {
        return exchange(
                MockServerHttpRequest.method(HttpMethod.GET, "/api/budget/transactions")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.valid-token"),
                ip);
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request, String ip) {
        return MockServerWebExchange.from(request.remoteAddress(new InetSocketAddress(ip, 40000)));
    }

    private static RateLimitRules rules() {
        return new RateLimitRules(new RateLimitProperties(
                true,
                "mita:rl:unit",
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                1000,
                List.of("/actuator/**", "/livez", "/readyz"),
                java.util.Map.of(),
                new RateLimitProperties.Rule(List.of(), List.of(), 1000, Duration.ofHours(1), KeyKind.USER_OR_IP, 1),
                new RateLimitProperties.AddressLimit(CAPACITY, Duration.ofMinutes(1), 1),
                Duration.ofSeconds(5)));
    }
}
