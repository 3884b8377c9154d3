package io.mita.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.caller.ClientAddressResolver;
import io.mita.gateway.caller.Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limits after the token check (in front of it, {@link TokenCheckLimitWebFilter} limits
 * the requests that carry a token per address), so a verified user is limited per user and an
 * anonymous caller per IP address. Every limited answer — allowed or not — carries
 * {@code X-RateLimit-Limit} (the binding bucket's capacity), {@code X-RateLimit-Remaining} (its whole
 * tokens left) and {@code X-RateLimit-Reset} (seconds until it is full again); a refused request gets
 * 429 problem {@code RATE_LIMITED} with {@code Retry-After} (seconds until a token is available) and
 * never reaches the downstream service.
 */
class RateLimitWebFilter implements WebFilter, Ordered {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private final RateLimitRules rules;
    private final TokenBucketLimiter limiter;
    private final LoginEmails loginEmails;
    private final ClientAddressResolver addresses;
    private final String keyPrefix;
    private final MeterRegistry meters;

    RateLimitWebFilter(
            RateLimitRules rules,
            TokenBucketLimiter limiter,
            LoginEmails loginEmails,
            ClientAddressResolver addresses,
            String keyPrefix,
            MeterRegistry meters) {
        this.rules = rules;
        this.limiter = limiter;
        this.loginEmails = loginEmails;
        this.addresses = addresses;
        this.keyPrefix = keyPrefix;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        List<RateLimitRules.Rule> applicable = rules.applicable(exchange.getRequest());
        if (applicable.isEmpty()) {
            return chain.filter(exchange);
        }
        if (applicable.stream().anyMatch(rule -> rule.key() == KeyKind.EMAIL)) {
            return loginEmails.read(exchange).flatMap(read -> limit(read.exchange(), chain, applicable, read.email()));
        }
        return limit(exchange, chain, applicable, null);
    }

    private Mono<Void> limit(
            ServerWebExchange exchange, WebFilterChain chain, List<RateLimitRules.Rule> applicable, String email) {
        List<Bucket> buckets = buckets(exchange, applicable, email);
        if (buckets.isEmpty()) {
            return chain.filter(exchange);
        }
        return limiter.take(buckets).flatMap(verdict -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!verdict.allowed()) {
                refuse(headers, verdict, meters);
                return Mono.error(new RateLimitedException());
            }
            describe(headers, verdict);
            return chain.filter(exchange);
        });
    }

    /** The binding bucket's capacity, whole tokens left and seconds until full, on any limited answer. */
    static void describe(HttpHeaders headers, RateLimitVerdict verdict) {
        headers.set(LIMIT, Long.toString(verdict.limit()));
        headers.set(REMAINING, Long.toString(verdict.state().remaining()));
        headers.set(RESET, Long.toString(verdict.resetSeconds()));
    }

    /** The headers of a refused request (with {@code Retry-After}), counted by the binding rule. */
    static void refuse(HttpHeaders headers, RateLimitVerdict verdict, MeterRegistry meters) {
        describe(headers, verdict);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        Counter.builder("mita.gateway.ratelimit.denied")
                .description("requests refused with 429, by rule")
                .tag("rule", verdict.binding().rule())
                .register(meters)
                .increment();
    }

    /** A bucket's storage key: never a clear-text address, e-mail or user id in Redis. */
    static String bucketKey(String keyPrefix, String rule, String subject) {
        return keyPrefix + ":{" + rule + ":" + Clients.sha256Hex(subject).substring(0, 32) + "}";
    }

    private List<Bucket> buckets(ServerWebExchange exchange, List<RateLimitRules.Rule> applicable, String email) {
        List<Bucket> buckets = new ArrayList<>(applicable.size());
        for (RateLimitRules.Rule rule : applicable) {
            String subject = switch (rule.key()) {
                case IP -> "ip:" + addresses.clientIp(exchange);
                case EMAIL -> email == null ? null : "email:" + email;
                case USER, USER_OR_IP -> userOrIp(exchange);
            };
            if (subject != null) {
                buckets.add(new Bucket(
                        rule.name(),
                        bucketKey(keyPrefix, rule.name(), subject),
                        rule.capacity(),
                        rule.period(),
                        rule.batch()));
            }
        }
        return buckets;
    }

    private String userOrIp(ServerWebExchange exchange) {
        Optional<String> user = Clients.userId(exchange);
        return user.map(id -> "user:" + id).orElseGet(() -> "ip:" + addresses.clientIp(exchange));
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.RATE_LIMIT;
    }
}
