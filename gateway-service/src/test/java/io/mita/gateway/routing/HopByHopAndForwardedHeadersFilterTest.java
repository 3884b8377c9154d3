package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * The filter against Spring Cloud Gateway's three removal filters chained as the gateway chained them (sorted by
 * order), on the same headers: what each lets through must be the same headers, names, values and order.
 */
class HopByHopAndForwardedHeadersFilterTest {

    private static final MockServerWebExchange EXCHANGE =
            MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));

    private static final Set<String> SPRINGS_HOP_BY_HOP = new RemoveHopByHopHeadersFilter().getHeaders();

    /** Header sets as name/value pairs, in the order a client sends them. */
    static Stream<Named<List<String[]>>> headerSets() {
        return Stream.of(
                named(
                        "nothing to drop",
                        "Host",
                        "gw",
                        "Accept",
                        "*/*",
                        "Authorization",
                        "Bearer a.b.c",
                        "User-Agent",
                        "k6"),
                named(
                        "Connection naming several headers in odd case",
                        "Connection",
                        "keep-alive, X-Custom-Hop ,UPGRADE",
                        "Keep-Alive",
                        "timeout=5",
                        "x-custom-hop",
                        "1",
                        "Upgrade",
                        "websocket",
                        "Accept",
                        "*/*"),
                named(
                        "two Connection headers",
                        "Connection",
                        "close",
                        "Accept",
                        "*/*",
                        "Connection",
                        "x-a,X-B",
                        "X-A",
                        "1",
                        "x-b",
                        "2",
                        "X-C",
                        "3"),
                named(
                        "Connection naming end-to-end headers",
                        "Connection",
                        "Authorization, forwarded, X-FORWARDED-FOR," + " x-correlation-id",
                        "Authorization",
                        "Bearer a.b.c",
                        "X-Correlation-Id",
                        "c-1",
                        "Accept",
                        "*/*"),
                named(
                        "Connection with empty and padded names",
                        "Connection",
                        ",, ,  Te  ,",
                        "TE",
                        "trailers",
                        "Accept",
                        "*/*"),
                named("an empty Connection header", "Connection", "", "Accept", "*/*"),
                named(
                        "every hop-by-hop header",
                        "Keep-Alive",
                        "timeout=5",
                        "Transfer-Encoding",
                        "chunked",
                        "TE",
                        "trailers",
                        "Trailer",
                        "Expires",
                        "Upgrade",
                        "h2c",
                        "Proxy-Authorization",
                        "Basic eA==",
                        "Proxy-Authenticate",
                        "Basic",
                        "Proxy-Connection",
                        "keep-alive",
                        "X-Application-Context",
                        "app:8080",
                        "Content-Length",
                        "12",
                        "Accept",
                        "*/*"),
                named(
                        "hop-by-hop names in every case",
                        "KEEP-ALIVE",
                        "1",
                        "transfer-encoding",
                        "chunked",
                        "tE",
                        "x",
                        "trAiler",
                        "x",
                        "UPGRADE",
                        "x",
                        "PROXY-authorization",
                        "x",
                        "Accept",
                        "*/*"),
                named(
                        "Forwarded and its look-alikes",
                        "Forwarded",
                        "for=203.0.113.7",
                        "Forwarded-For",
                        "x",
                        "X-Original-Forwarded-For",
                        "x",
                        "Accept",
                        "*/*"),
                named(
                        "every X-Forwarded header and its look-alikes",
                        "X-Forwarded-For",
                        "203.0.113.7",
                        "X-Forwarded-Host",
                        "mita.example",
                        "X-Forwarded-Port",
                        "443",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Prefix",
                        "/api",
                        "X-Forwarded-User",
                        "admin",
                        "X-Forwarded-",
                        "x",
                        "X-Forwarded",
                        "x",
                        "X-ForwardedFor",
                        "x",
                        "Forwarded-X",
                        "x",
                        "Accept",
                        "*/*"),
                named(
                        "forwarded names in every case",
                        "FORWARDED",
                        "for=a",
                        "x-forwarded-for",
                        "a",
                        "X-FORWARDED-HOST",
                        "b",
                        "x-Forwarded-proto",
                        "c",
                        "Accept",
                        "*/*"),
                named(
                        "duplicates",
                        "X-Forwarded-For",
                        "203.0.113.7",
                        "Accept",
                        "a",
                        "x-forwarded-for",
                        "10.0.0.1",
                        "Accept",
                        "b",
                        "Keep-Alive",
                        "1",
                        "keep-alive",
                        "2",
                        "Forwarded",
                        "for=a",
                        "forwarded",
                        "for=b",
                        "Cookie",
                        "a=1",
                        "Cookie",
                        "b=2"),
                named("the first header dropped", "Forwarded", "for=a", "Accept", "*/*", "Host", "gw"),
                named("the last header dropped", "Accept", "*/*", "Host", "gw", "TE", "trailers"),
                named("only dropped headers", "Connection", "keep-alive", "Keep-Alive", "1", "X-Forwarded-For", "a"));
    }

    /** Names outside ASCII (never on the wire: Netty refuses them) on a plain map, to show the same case rules. */
    static Stream<Named<List<String[]>>> unusualNames() {
        return Stream.of(
                named(
                        "a long s and a Kelvin sign",
                        "Tran\u017Ffer-Encoding",
                        "chunked",
                        "\u212Aeep-Alive",
                        "1",
                        "Accept",
                        "*/*"),
                named(
                        "a dotted capital I",
                        "X-Forwarded-\u0130",
                        "x",
                        "\u0130",
                        "y",
                        "Connection",
                        "\u0130",
                        "Accept",
                        "*/*"),
                named(
                        "non-ASCII Connection names",
                        "Connection",
                        "\u212Aeep-Alive, X-\u00C4",
                        "x-\u00E4",
                        "1",
                        "keep-alive",
                        "2",
                        "Accept",
                        "*/*"));
    }

    @ParameterizedTest
    @MethodSource("headerSets")
    void dropsFromARequestExactlyWhatSpringsThreeFiltersDrop(List<String[]> pairs) {
        for (HttpHeaders input : List.of(plain(pairs), asFromNetty(pairs))) {
            assertSame(Type.REQUEST, springs(true, true), ours(Type.REQUEST, true, true), input);
        }
    }

    @ParameterizedTest
    @MethodSource("headerSets")
    void dropsFromAResponseExactlyWhatSpringsHopByHopFilterDrops(List<String[]> pairs) {
        for (HttpHeaders input : List.of(plain(pairs), asFromNetty(pairs))) {
            assertSame(Type.RESPONSE, springs(true, true), ours(Type.RESPONSE, true, true), input);
        }
    }

    @ParameterizedTest
    @MethodSource("headerSets")
    void leavesTheForwardedHeadersToSpringsOwnFiltersWhenTrustedProxiesKeepThem(List<String[]> pairs) {
        HttpHeaders input = asFromNetty(pairs);
        assertSame(Type.REQUEST, springs(false, false), ours(Type.REQUEST, false, false), input);
        assertSame(Type.REQUEST, springs(true, false), ours(Type.REQUEST, true, false), input);
        assertSame(Type.REQUEST, springs(false, true), ours(Type.REQUEST, false, true), input);
    }

    @ParameterizedTest
    @MethodSource("unusualNames")
    void comparesNamesOutsideAsciiAsSpringDoes(List<String[]> pairs) {
        assertSame(Type.REQUEST, springs(true, true), ours(Type.REQUEST, true, true), plain(pairs));
        assertSame(Type.RESPONSE, springs(true, true), ours(Type.RESPONSE, true, true), plain(pairs));
    }

    @Test
    void dropsAConfiguredHopByHopSetAsSpringDoes() {
        RemoveHopByHopHeadersFilter configured = new RemoveHopByHopHeadersFilter();
        configured.setHeaders(Set.of("X-Hop", "Keep-Alive"));
        HttpHeaders input = asFromNetty(
                List.of(pair("x-hop", "1"), pair("Keep-Alive", "2"), pair("TE", "trailers"), pair("Accept", "*/*")));
        List<HttpHeadersFilter> springs =
                List.of(configured, new RemoveForwardedHeadersFilter(), new RemoveXForwardedHeadersFilter());

        HttpHeaders expected = chain(springs, input, Type.REQUEST);
        HttpHeaders actual = HopByHopAndForwardedHeadersFilter.forRequests(configured.getHeaders(), true, true, 0)
                .filter(input, EXCHANGE);

        assertThat(listing(actual)).isEqualTo(listing(expected)).contains("TE=[trailers]");
    }

    @Test
    void dropsFromRandomHeaderSetsExactlyWhatSpringsFiltersDrop() {
        Random random = new Random(14);
        List<String> vocabulary = List.of(
                "Connection",
                "Keep-Alive",
                "Transfer-Encoding",
                "TE",
                "Trailer",
                "Upgrade",
                "Proxy-Authorization",
                "Proxy-Authenticate",
                "Proxy-Connection",
                "X-Application-Context",
                "Forwarded",
                "X-Forwarded-For",
                "X-Forwarded-Host",
                "X-Forwarded-Port",
                "X-Forwarded-Proto",
                "X-Forwarded-Prefix",
                "X-Forwarded",
                "Accept",
                "Authorization",
                "X-Correlation-Id",
                "traceparent",
                "Content-Length",
                "X-A");
        for (int round = 0; round < 2_000; round++) {
            List<String[]> pairs = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                String name = randomCase(vocabulary.get(random.nextInt(vocabulary.size())), random);
                String value = name.equalsIgnoreCase("Connection")
                        ? randomCase(vocabulary.get(random.nextInt(vocabulary.size())), random) + " , "
                                + randomCase(vocabulary.get(random.nextInt(vocabulary.size())), random)
                        : "v" + i;
                pairs.add(pair(name, value));
            }
            HttpHeaders input = asFromNetty(pairs);
            boolean forwarded = random.nextBoolean();
            boolean xForwarded = random.nextBoolean();
            assertSame(Type.REQUEST, springs(forwarded, xForwarded), ours(Type.REQUEST, forwarded, xForwarded), input);
            assertSame(Type.RESPONSE, springs(true, true), ours(Type.RESPONSE, true, true), input);
        }
    }

    @Test
    void passesHeadersWithNothingToDropOnAsTheyAreWithoutACopy() {
        HttpHeaders input = HttpHeaders.readOnlyHttpHeaders(
                asFromNetty(List.of(pair("Host", "gw"), pair("Accept", "*/*"), pair("X-Forwarded", "kept"))));

        assertThat(ours(Type.REQUEST, true, true).filter(input, EXCHANGE)).isSameAs(input);
        assertThat(ours(Type.RESPONSE, true, true).filter(input, EXCHANGE)).isSameAs(input);
    }

    @Test
    void appliesToRequestsOrResponsesOnlyAsItWasMadeFor() {
        assertThat(ours(Type.REQUEST, true, true).supports(Type.REQUEST)).isTrue();
        assertThat(ours(Type.REQUEST, true, true).supports(Type.RESPONSE)).isFalse();
        assertThat(ours(Type.RESPONSE, true, true).supports(Type.RESPONSE)).isTrue();
        assertThat(ours(Type.RESPONSE, true, true).supports(Type.REQUEST)).isFalse();
    }

    private static void assertSame(
            Type type, List<HttpHeadersFilter> springs, HttpHeadersFilter ours, HttpHeaders input) {
        HttpHeaders expected = chain(springs, input, type);
        HttpHeaders actual = chain(List.of(ours), input, type);
        assertThat(listing(actual)).as(listing(input).toString()).isEqualTo(listing(expected));
    }

    /** Spring's filters as the gateway registered them: the forwarded ones only when not kept for a trusted proxy. */
    private static List<HttpHeadersFilter> springs(boolean dropsForwarded, boolean dropsXForwarded) {
        List<HttpHeadersFilter> filters = new ArrayList<>();
        filters.add(new RemoveHopByHopHeadersFilter());
        if (dropsForwarded) {
            filters.add(new RemoveForwardedHeadersFilter());
        }
        if (dropsXForwarded) {
            filters.add(new RemoveXForwardedHeadersFilter());
        }
        AnnotationAwareOrderComparator.sort(filters);
        return filters;
    }

    private static HttpHeadersFilter ours(Type type, boolean dropsForwarded, boolean dropsXForwarded) {
        return type == Type.REQUEST
                ? HopByHopAndForwardedHeadersFilter.forRequests(SPRINGS_HOP_BY_HOP, dropsForwarded, dropsXForwarded, 0)
                : HopByHopAndForwardedHeadersFilter.forResponses(SPRINGS_HOP_BY_HOP, 0);
    }

    /** As Spring applies header filters: each that supports the type, in order, on the previous one's output. */
    private static HttpHeaders chain(List<HttpHeadersFilter> filters, HttpHeaders input, Type type) {
        return HttpHeadersFilter.filter(filters, input, EXCHANGE, type);
    }

    /** Every header in order with its values. */
    private static List<String> listing(HttpHeaders headers) {
        List<String> listing = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            listing.add(header.getKey() + "=" + header.getValue());
        }
        return listing;
    }

    private static HttpHeaders plain(List<String[]> pairs) {
        HttpHeaders headers = new HttpHeaders();
        pairs.forEach(pair -> headers.add(pair[0], pair[1]));
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }

    /** Headers as Reactor Netty's server hands them to the gateway: Netty's (validated) headers behind Spring's adapter. */
    private static HttpHeaders asFromNetty(List<String[]> pairs) {
        var netty = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        pairs.forEach(pair -> netty.add(pair[0], pair[1]));
        return HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(new Netty4HeadersAdapter(netty)));
    }

    private static String randomCase(String name, Random random) {
        StringBuilder changed = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            changed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return random.nextInt(3) == 0 ? name.toLowerCase(Locale.ROOT) : changed.toString();
    }

    private static Named<List<String[]>> named(String name, String... flat) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < flat.length; i += 2) {
            pairs.add(pair(flat[i], flat[i + 1]));
        }
        return Named.of(name, pairs);
    }

    private static String[] pair(String name, String value) {
        return new String[] {name, value};
    }
}
