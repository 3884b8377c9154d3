package io.mita.gateway.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the headers a proxy does not pass on, in at most one copy of the headers: it stands in for Spring Cloud
 * Gateway's {@code RemoveHopByHopHeadersFilter}, {@code RemoveForwardedHeadersFilter} and
 * {@code RemoveXForwardedHeadersFilter}, which each copied every header of every proxied request (1.1 % of the
 * gateway's CPU samples together; issue 14, "seventh pass"). It drops exactly what the three drop
 * ({@code HopByHopAndForwardedHeadersFilterTest} runs both on the same headers), with Spring's own expressions:
 * <ul>
 * <li>a header named in {@code Connection} (its values split at commas and trimmed, lower-cased as Spring does);</li>
 * <li>a header of the hop-by-hop set ({@code spring.cloud.gateway.server.webflux.filter.remove-hop-by-hop.headers},
 * Spring's list by default), requests and responses alike;</li>
 * <li>on requests only, {@code Forwarded} and every {@code X-Forwarded-*} header, unless Spring's own
 * {@code ForwardedHeadersFilter} / {@code XForwardedHeadersFilter} run (Spring's
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} is set): they decide about those headers then, as with
 * Spring's filters ({@link ProxiedHeadersConfiguration}).</li>
 * </ul>
 * Headers with none of these pass on as they are, without a copy; otherwise the answer is a copy of its own that no
 * one else holds. On requests it is the first step of {@link ProxiedRequestHeadersFilter}, whose writes go into that
 * copy (issue 14, "eighth pass"); on responses it is a header filter of its own. No header filter of the gateway writes
 * into its input.
 */
final class HopByHopAndForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED_PREFIX = "x-forwarded-";

    private final Type type;
    private final Set<String> hopByHop;
    private final boolean dropsForwarded;
    private final boolean dropsXForwarded;
    private final int order;

    private HopByHopAndForwardedHeadersFilter(
            Type type, Set<String> hopByHop, boolean dropsForwarded, boolean dropsXForwarded, int order) {
        this.type = type;
        this.hopByHop = Set.copyOf(hopByHop);
        this.dropsForwarded = dropsForwarded;
        this.dropsXForwarded = dropsXForwarded;
        this.order = order;
    }

    /**
     * For the proxied request's headers (inside {@link ProxiedRequestHeadersFilter}).
     *
     * @param hopByHop        the hop-by-hop set, lower case (as Spring's filter holds it)
     * @param dropsForwarded  whether {@code Forwarded} goes (Spring's {@code ForwardedHeadersFilter} is off)
     * @param dropsXForwarded whether {@code X-Forwarded-*} go (Spring's {@code XForwardedHeadersFilter} is off)
     */
    static HopByHopAndForwardedHeadersFilter forRequests(
            Set<String> hopByHop, boolean dropsForwarded, boolean dropsXForwarded, int order) {
        return new HopByHopAndForwardedHeadersFilter(Type.REQUEST, hopByHop, dropsForwarded, dropsXForwarded, order);
    }

    /** For the downstream response's headers: the hop-by-hop set and the names in its {@code Connection} only. */
    static HopByHopAndForwardedHeadersFilter forResponses(Set<String> hopByHop, int order) {
        return new HopByHopAndForwardedHeadersFilter(Type.RESPONSE, hopByHop, false, false, order);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Set<String> connectionOptions = connectionOptions(input);
        HttpHeaders kept = null;
        int passed = 0;
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            if (drops(header.getKey(), connectionOptions)) {
                if (kept == null) {
                    kept = first(input, passed);
                }
            } else if (kept != null) {
                kept.addAll(header.getKey(), header.getValue());
            }
            passed++;
        }
        return kept == null ? input : kept;
    }

    /** Spring's expressions: the name lower-cased in the root locale, {@code Forwarded} compared ignoring case. */
    private boolean drops(String name, Set<String> connectionOptions) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return hopByHop.contains(lowerCase)
                || connectionOptions.contains(lowerCase)
                || (dropsForwarded && name.equalsIgnoreCase(FORWARDED))
                || (dropsXForwarded && lowerCase.startsWith(X_FORWARDED_PREFIX));
    }

    /**
     * The names listed in {@code Connection}, lower-cased in the default locale as Spring's filter does
     * ({@code String::toLowerCase}); none without the header, so most requests allocate nothing here.
     */
    private static Set<String> connectionOptions(HttpHeaders input) {
        if (!input.containsHeader(HttpHeaders.CONNECTION)) {
            return Set.of();
        }
        Set<String> options = new HashSet<>();
        for (String option : input.getConnection()) {
            options.add(option.toLowerCase(Locale.getDefault()));
        }
        return options;
    }

    /** A copy of the first {@code count} headers (all kept: the first dropped one comes after them). */
    private static HttpHeaders first(HttpHeaders input, int count) {
        HttpHeaders copy = new HttpHeaders();
        int copied = 0;
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            if (copied++ == count) {
                break;
            }
            copy.addAll(header.getKey(), header.getValue());
        }
        return copy;
    }

    @Override
    public boolean supports(Type type) {
        return this.type == type;
    }

    /** Where Spring's hop-by-hop filter ran ({@code ...remove-hop-by-hop.order}, by default just before the last). */
    @Override
    public int getOrder() {
        return order;
    }
}
