package io.mita.gateway;

import io.mita.common.correlation.CorrelationIdWebFilter;
import org.springframework.core.Ordered;

/**
 * Where each of the gateway's web filters runs, in one place. Every request goes through them in this
 * order before a route forwards it:
 * <ol>
 * <li>{@link #SECURITY_HEADERS}: registers the security headers written just before any answer is committed</li>
 * <li>common-lib's correlation id filter ({@code CorrelationIdWebFilter.ORDER}) and request log</li>
 * <li>{@link #DENIED_REQUESTS}: notes every 401/403/429 answer for the aggregated security events</li>
 * <li>{@link #CORS}: answers preflights, refuses foreign origins</li>
 * <li>{@link #BODY_LIMIT}: refuses or cuts request bodies above the path's limit</li>
 * <li>{@link #TOKEN_CHECK_LIMIT}: a per-address limit on requests that carry a token, before their signature is checked</li>
 * <li>Spring Security's chain (order -100): the JWT check</li>
 * <li>{@link #AUTHENTICATED_CLIENT}: remembers the verified user id on the exchange</li>
 * <li>{@link #RATE_LIMIT}: the token buckets</li>
 * <li>{@link #ERASED_ACCOUNTS}: refuses a valid token of a user whose account was erased</li>
 * </ol>
 */
public final class WebFilterOrder {

    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE;
    public static final int DENIED_REQUESTS = CorrelationIdWebFilter.ORDER + 2;
    public static final int CORS = CorrelationIdWebFilter.ORDER + 3;
    public static final int BODY_LIMIT = CorrelationIdWebFilter.ORDER + 4;
    public static final int TOKEN_CHECK_LIMIT = CorrelationIdWebFilter.ORDER + 5;
    /** Spring Security's {@code WebFilterChainProxy} (the token check) runs at -100. */
    public static final int SPRING_SECURITY = -100;

    public static final int AUTHENTICATED_CLIENT = SPRING_SECURITY + 1;

    public static final int RATE_LIMIT = -98;

    public static final int ERASED_ACCOUNTS = RATE_LIMIT + 1;

    private WebFilterOrder() {}
}
