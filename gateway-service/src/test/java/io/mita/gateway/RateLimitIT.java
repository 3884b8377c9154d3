package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rate limits against the real Redis (test limits: login 3 per IP and per e-mail, register 5 per IP,
 * everything else 20 per user or IP). Each test is a client of its own: an address from
 * {@link #newClientIp()} behind the trusted proxy 127.0.0.1, or a user of its own.
 */
class RateLimitIT extends GatewayTestSupport {

    private static final String LIMIT = "X-RateLimit-Limit";
    private static final String REMAINING = "X-RateLimit-Remaining";
    private static final String RESET = "X-RateLimit-Reset";

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void answersAllowedRequestsWithTheLimitTheRemainingTokensAndTheSecondsUntilTheBucketIsFull() {
        String ip = newClientIp();

        WebTestClient.ResponseSpec first = login(client, ip, uniqueEmail());
        first.expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(LIMIT, Integer.toString(TEST_LOGIN_LIMIT))
                .expectHeader()
                .valueEquals(REMAINING, Integer.toString(TEST_LOGIN_LIMIT - 1))
                // one token of a 3-per-15-minutes bucket refills in 300 s
                .expectHeader()
                .value(RESET, reset -> assertThat(Long.parseLong(reset)).isBetween(295L, 300L))
                .expectHeader()
                .doesNotExist(HttpHeaders.RETRY_AFTER);

        login(client, ip, uniqueEmail())
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(REMAINING, Integer.toString(TEST_LOGIN_LIMIT - 2))
                .expectHeader()
                .value(RESET, reset -> assertThat(Long.parseLong(reset)).isBetween(595L, 600L));
    }

    @Test
    void refusesTheRequestAfterTheLimitWithA429ProblemRetryAfterAndTheLimitHeadersAndNeverForwardsIt() {
        String ip = newClientIp();
        int forwardedBefore = DOWNSTREAM.receivedAt("/api/auth/login").size();
        for (int i = 0; i < TEST_LOGIN_LIMIT; i++) {
            login(client, ip, uniqueEmail()).expectStatus().isOk();
        }

        WebTestClient.ResponseSpec refused = login(client, ip, uniqueEmail());

        refused.expectHeader()
                .valueEquals(LIMIT, Integer.toString(TEST_LOGIN_LIMIT))
                .expectHeader()
                .valueEquals(REMAINING, "0")
                .expectHeader()
                .value(RESET, reset -> assertThat(Long.parseLong(reset)).isBetween(895L, 900L))
                // the next token of a 3-per-15-minutes bucket comes after 300 s
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retry -> assertThat(Long.parseLong(retry)).isBetween(295L, 300L));
        Map<String, Object> problem = expectProblem(refused, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        assertThat(problem).containsEntry("instance", "/api/auth/login");
        assertThat(DOWNSTREAM.receivedAt("/api/auth/login")).hasSize(forwardedBefore + TEST_LOGIN_LIMIT);
    }

    @Test
    void limitsLoginsPerEmailAcrossAddressesWhateverTheCaseAndSpacesOfTheEmail() {
        String email = uniqueEmail();
        login(client, newClientIp(), email).expectStatus().isOk();
        login(client, newClientIp(), email.toUpperCase()).expectStatus().isOk();
        login(client, newClientIp(), "  " + email + " ").expectStatus().isOk();

        WebTestClient.ResponseSpec fourthAddress = login(client, newClientIp(), email);

        expectProblem(fourthAddress, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        login(client, newClientIp(), uniqueEmail()).expectStatus().isOk();
    }

    @Test
    void forwardsTheLoginBodyUnchangedAfterReadingItsEmail() {
        String email = uniqueEmail();
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}";

        client.post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", newClientIp())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(DOWNSTREAM.receivedAt("/api/auth/login"))
                .anySatisfy(request -> assertThat(request.bodyLength()).isEqualTo(body.length()));
    }

    @Test
    void limitsAnAuthenticatedUserPerUserWhateverAddressTheRequestsComeFrom() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < TEST_DEFAULT_LIMIT; i++) {
            client.get()
                    .uri(uniquePath())
                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                    .header("X-Forwarded-For", newClientIp())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(REMAINING, Integer.toString(TEST_DEFAULT_LIMIT - 1 - i));
        }

        expectProblem(
                client.get()
                        .uri(uniquePath())
                        .header(HttpHeaders.AUTHORIZATION, bearer(user))
                        .header("X-Forwarded-For", newClientIp())
                        .exchange(),
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED");
        client.get()
                .uri(uniquePath())
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void takesTheDefaultRulesTokensFromRedisInBatchesAndStillRefusesAfterTheLimitWithA429ProblemAndRetryAfter() {
        UUID user = UUID.randomUUID();
        String ip = newClientIp();
        double leasesBefore = defaultRuleLeases();
        for (int i = 0; i < TEST_DEFAULT_LIMIT; i++) {
            get(user, ip)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(REMAINING, Integer.toString(TEST_DEFAULT_LIMIT - 1 - i));
        }

        WebTestClient.ResponseSpec refused = get(user, ip);

        refused.expectHeader()
                .valueEquals(LIMIT, Integer.toString(TEST_DEFAULT_LIMIT))
                .expectHeader()
                .valueEquals(REMAINING, "0")
                // the next token of a 20-per-hour bucket comes after 180 s
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retry -> assertThat(Long.parseLong(retry)).isBetween(170L, 180L));
        expectProblem(refused, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        expectProblem(get(user, ip), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        assertThat(defaultRuleLeases() - leasesBefore)
                .as("22 requests, 3 Redis calls: two batches of 10 and the one that found the bucket empty")
                .isEqualTo(3);
    }

    private WebTestClient.ResponseSpec get(UUID user, String ip) {
        return client.get()
                .uri(uniquePath())
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .header("X-Forwarded-For", ip)
                .exchange();
    }

    private double defaultRuleLeases() {
        var counter = meters.find("mita.gateway.ratelimit.leases")
                .tag("rule", "default")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void limitsReceiptUploadsPerUser() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < TEST_RECEIPT_UPLOAD_LIMIT; i++) {
            upload(user).expectStatus().isOk();
        }

        expectProblem(upload(user), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        upload(UUID.randomUUID()).expectStatus().isOk();
    }

    @Test
    void keysAClientBehindTheTrustedProxyByTheRightMostUntrustedForwardedAddressNotTheLeftMostOne() {
        String real = newClientIp();
        for (int i = 0; i < TEST_LOGIN_LIMIT; i++) {
            // the client prepends whatever it likes; the trusted proxy appended the real address
            loginForwardedFor(client, newClientIp() + ", " + real, uniqueEmail())
                    .expectStatus()
                    .isOk();
        }

        expectProblem(
                loginForwardedFor(client, newClientIp() + ", " + real, uniqueEmail()),
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED");
    }

    @Test
    void ignoresXForwardedForFromAPeerThatIsNotATrustedProxy() {
        WebTestClient untrusted = untrustedClient();
        int before = Integer.parseInt(login(untrusted, newClientIp(), uniqueEmail())
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(REMAINING));

        for (int i = 0; i < before; i++) {
            login(untrusted, newClientIp(), uniqueEmail()).expectStatus().isOk();
        }

        // every spoofed address so far counted against 127.0.0.2 itself
        expectProblem(login(untrusted, newClientIp(), uniqueEmail()), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
    }

    @Test
    void storesNoAddressOrEmailInClearTextInRedisAndKeepsEachBucketInOneHashSlot() {
        String ip = newClientIp();
        String email = uniqueEmail();
        login(client, ip, email).expectStatus().isOk();

        List<String> keys = redis.scan(ScanOptions.scanOptions()
                        .match(REDIS_KEY_PREFIX + ":*")
                        .count(1000)
                        .build())
                .collectList()
                .block();

        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key)
                    .doesNotContain(ip)
                    .doesNotContain(email)
                    .doesNotContain("@")
                    .matches(java.util.regex.Pattern.quote(REDIS_KEY_PREFIX) + ":\\{[a-z]+:[0-9a-f]{32}}");
        });
        assertThat(keys).anyMatch(key -> key.contains("{loginip:")).anyMatch(key -> key.contains("{loginemail:"));
        String anyKey = keys.get(0);
        assertThat(redis.getExpire(anyKey).block()).isPositive();
    }

    @Test
    void doesNotLimitOperationsEndpointsOrPreflights() {
        client.get()
                .uri("/livez")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(LIMIT);
        client.options()
                .uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(LIMIT);
    }

    @Test
    void exposesTheLimiterAndSecurityEventMetricsToPrometheus() {
        management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("mita_gateway_ratelimit_fallback_total")
                        .contains("mita_gateway_ratelimit_redis_usable")
                        .contains("mita_gateway_security_events_dropped_total")
                        .contains("mita_gateway_security_events_published_total"));
    }

    static WebTestClient.ResponseSpec login(WebTestClient client, String ip, String email) {
        return loginForwardedFor(client, ip, email);
    }

    static WebTestClient.ResponseSpec loginForwardedFor(WebTestClient client, String forwardedFor, String email) {
        return client.post()
                .uri("/api/auth/login")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"secret\"}")
                .exchange();
    }

    private WebTestClient.ResponseSpec upload(UUID user) {
        return client.post()
                .uri("/api/ocr/receipts")
                .header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(Receipts.multipart(1024))
                .exchange();
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
