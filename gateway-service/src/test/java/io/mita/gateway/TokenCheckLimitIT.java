package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The per-address limit in front of the token check, against the tests' own Redis: 3 token-carrying
 * requests per address per minute here (1,200 by default). Each test is a client address of its own.
 */
@TestPropertySource(properties = "mita.gateway.rate-limits.token-check.capacity=" + TokenCheckLimitIT.CAPACITY)
class TokenCheckLimitIT extends GatewayTestSupport {

    static final int CAPACITY = 3;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void limitsAnAddressSendingInvalidTokensAndRefusesItsNextRequestBeforeTheTokenIsChecked() {
        String ip = newClientIp();
        for (int i = 0; i < CAPACITY; i++) {
            expectProblem(withToken(ip, "Bearer not.a.token"), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
        }

        var refused = expectProblem(withToken(ip, "Bearer not.a.token"), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        // even a valid token is not checked (nor forwarded) once the address's bucket is empty
        WebTestClient.ResponseSpec valid = withToken(ip, bearer());

        assertThat(refused).containsEntry("status", 429);
        valid.expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 20L))
                .expectHeader()
                .valueEquals("X-RateLimit-Limit", Integer.toString(CAPACITY));
        assertThat(meters.get("mita.gateway.ratelimit.denied")
                        .tag("rule", "tokencheck")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void leavesRequestsWithoutATokenToTheLimitsAfterTheCheck() {
        String ip = newClientIp();
        for (int i = 0; i < CAPACITY; i++) {
            withToken(ip, "Bearer expired.or.forged").expectStatus().isUnauthorized();
        }

        client.get()
                .uri("/.well-known/jwks.json")
                .header("X-Forwarded-For", ip)
                .exchange()
                .expectStatus()
                .isOk();
        expectProblem(
                client.get().uri(uniquePath()).header("X-Forwarded-For", ip).exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void givesEachAddressABucketOfItsOwnKeptInRedisUnderAHashedKey() {
        String first = newClientIp();
        for (int i = 0; i < CAPACITY; i++) {
            withToken(first, bearer()).expectStatus().isOk();
        }
        withToken(first, bearer()).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        withToken(newClientIp(), bearer()).expectStatus().isOk();

        List<String> keys = redis.scan(ScanOptions.scanOptions()
                        .match(REDIS_KEY_PREFIX + ":{tokencheck:*")
                        .count(1000)
                        .build())
                .collectList()
                .block(Duration.ofSeconds(5));
        assertThat(keys)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(key -> assertThat(key)
                        .doesNotContain(first)
                        .matches(java.util.regex.Pattern.quote(REDIS_KEY_PREFIX) + ":\\{tokencheck:[0-9a-f]{32}}"));
    }

    private WebTestClient.ResponseSpec withToken(String ip, String authorization) {
        return client.get()
                .uri(uniquePath())
                .header("X-Forwarded-For", ip)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }
}
