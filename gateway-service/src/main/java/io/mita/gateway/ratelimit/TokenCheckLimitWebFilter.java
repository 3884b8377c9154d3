package io.mita.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.caller.ClientAddressResolver;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A per-address limit in front of the token check: every request that carries a bearer token costs a
 * signature check, valid or not, so before Spring Security looks at the token the client's address
 * takes a token from its {@code tokencheck} bucket (Redis, with the same in-memory fallback as every
 * other limit). A client whose bucket is empty gets 429 problem {@code RATE_LIMITED} with
 * {@code Retry-After} and costs no signature check; requests without a bearer token cost none and pass
 * to the limits that apply after the check. Preflights and the excluded paths (probes) are never counted.
 */
class TokenCheckLimitWebFilter implements WebFilter, Ordered {

    static final String RULE = "tokencheck";
    private static final String BEARER = "bearer ";

    private final RateLimitRules rules;
    private final RateLimitProperties.AddressLimit limit;
    private final TokenBucketLimiter limiter;
    private final ClientAddressResolver addresses;
    private final String keyPrefix;
    private final MeterRegistry meters;

    TokenCheckLimitWebFilter(
            RateLimitRules rules,
            RateLimitProperties.AddressLimit limit,
            TokenBucketLimiter limiter,
            ClientAddressResolver addresses,
            String keyPrefix,
            MeterRegistry meters) {
        this.rules = rules;
        this.limit = limit;
        this.limiter = limiter;
        this.addresses = addresses;
        this.keyPrefix = keyPrefix;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!costsASignatureCheck(exchange) || rules.excluded(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Bucket bucket = new Bucket(
                RULE,
                RateLimitWebFilter.bucketKey(keyPrefix, RULE, "ip:" + addresses.clientIp(exchange)),
                limit.capacity(),
                limit.period(),
                limit.localBatch());
        return limiter.take(List.of(bucket)).flatMap(verdict -> {
            if (verdict.allowed()) {
                return chain.filter(exchange);
            }
            RateLimitWebFilter.refuse(exchange.getResponse().getHeaders(), verdict, meters);
            return Mono.error(new RateLimitedException());
        });
    }

    /** A request Spring Security will verify a signature for: it carries a bearer token. */
    static boolean costsASignatureCheck(ServerWebExchange exchange) {
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return false;
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && authorization.length() > BEARER.length();
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.TOKEN_CHECK_LIMIT;
    }
}
