package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.propagation.Propagator;
import io.mita.common.correlation.CorrelationId;
import io.mita.gateway.caller.ClientAddressProperties;
import io.mita.gateway.caller.ClientAddressResolver;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
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
import org.springframework.web.server.ServerWebExchange;

/** The removal and the edits in at most one copy of a proxied request's headers. */
class ProxiedRequestHeadersFilterTest {

    private static final MockServerWebExchange EXCHANGE =
            MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));

    @Test
    void passesHeadersWithNothingToDropAndNothingToWriteOnAsTheyAre() {
        HttpHeaders input = readOnly("Accept", "*/*", "Authorization", "Bearer a.b.c");

        HttpHeaders forwarded = ProxiedRequestHeaders.with(new IdentityHeaders(), new CorrelationIdHeader())
                .filter(input, EXCHANGE);

        assertThat(forwarded).isSameAs(input);
    }

    /**
     * Every edit the gateway configures, on a request with nothing for any of them: no proxy header, no identity claim,
     * exactly the gateway's correlation id, no server span (tracing off), no peer address.
     */
    @Test
    void passesARequestWithNothingForAnyOfTheGatewaysEditsOnAsTheSameHeaders() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
        exchange.getAttributes().put(CorrelationId.CONTEXT_KEY, "app-7f3a:42");
        HttpHeaders input = readOnly("Accept", "*/*", CorrelationId.HEADER, "app-7f3a:42", "traceparent", "00-x");

        HttpHeaders forwarded = ProxiedRequestHeaders.with(
                        new IdentityHeaders(),
                        new CorrelationIdHeader(),
                        new TraceContextHeaders(Propagator.NOOP),
                        new ClientAddressHeader(new ClientAddressResolver(new ClientAddressProperties(List.of()))))
                .filter(input, exchange);

        assertThat(forwarded).isSameAs(input);
    }

    @Test
    void writesIntoTheCopyTheRemovalMadeInsteadOfCopyingAgain() {
        HttpHeaders removalsCopy = new HttpHeaders();
        HttpHeadersFilter removal = (headers, exchange) -> removalsCopy;
        Recording edit = new Recording("X-Written");
        HttpHeaders input = readOnly("Connection", "keep-alive", "Accept", "*/*");

        HttpHeaders forwarded = new ProxiedRequestHeadersFilter(removal, List.of(edit), 0).filter(input, EXCHANGE);

        assertThat(forwarded).isSameAs(removalsCopy);
        assertThat(edit.checked).singleElement().isSameAs(removalsCopy);
        assertThat(forwarded.getFirst("X-Written")).isEqualTo("1");
    }

    @Test
    void makesOneCopyForTheFirstEditThatAppliesAndHandsTheSameCopyToTheNext() {
        Recording first = new Recording("X-First");
        Recording skipped = new Recording(null);
        Recording second = new Recording("X-Second");
        HttpHeaders input = readOnly("Accept", "*/*");

        HttpHeaders forwarded =
                ProxiedRequestHeaders.with(first, skipped, second).filter(input, EXCHANGE);

        assertThat(forwarded).isNotSameAs(input);
        assertThat(first.checked).singleElement().isSameAs(input);
        assertThat(skipped.checked).singleElement().isSameAs(forwarded);
        assertThat(second.checked).singleElement().isSameAs(forwarded);
        assertThat(forwarded.headerNames()).containsExactly("Accept", "X-First", "X-Second");
        assertThat(input.headerNames()).containsExactly("Accept");
    }

    @Test
    void showsTheEditsTheHeadersAfterTheRemoval() {
        Recording edit = new Recording(null);
        HttpHeaders input = readOnly("Keep-Alive", "timeout=5", "Accept", "*/*");

        ProxiedRequestHeaders.with(edit).filter(input, EXCHANGE);

        assertThat(edit.checked)
                .singleElement()
                .satisfies(seen -> assertThat(seen.headerNames()).containsExactly("Accept"));
    }

    @Test
    void appliesToRequestsOnly() {
        ProxiedRequestHeadersFilter filter = ProxiedRequestHeaders.with();

        assertThat(filter.supports(Type.REQUEST)).isTrue();
        assertThat(filter.supports(Type.RESPONSE)).isFalse();
    }

    /**
     * The gateway's filter as configured (tracing off) against Spring's three removal filters chained as the gateway
     * chained them, followed by the gateway's writes: the same headers, names and values, on random header sets.
     */
    @Test
    void dropsWhatSpringsThreeFiltersDropAndWritesTheGatewaysHeadersOnRandomHeaderSets() {
        ClientAddressResolver noTrustedProxies = new ClientAddressResolver(new ClientAddressProperties(List.of()));
        ProxiedRequestHeadersFilter ours = ProxiedRequestHeaders.with(
                new IdentityHeaders(),
                new CorrelationIdHeader(),
                new TraceContextHeaders(Propagator.NOOP),
                new ClientAddressHeader(noTrustedProxies));
        List<HttpHeadersFilter> springs = new ArrayList<>(List.of(
                new RemoveHopByHopHeadersFilter(),
                new RemoveForwardedHeadersFilter(),
                new RemoveXForwardedHeadersFilter()));
        AnnotationAwareOrderComparator.sort(springs);
        List<String> vocabulary = List.of(
                "Connection",
                "Keep-Alive",
                "TE",
                "Upgrade",
                "Proxy-Authorization",
                "Forwarded",
                "X-Forwarded-For",
                "X-Forwarded-Proto",
                "X-Forwarded-User",
                "X-User-Id",
                "X-Authenticated-User",
                "X-Correlation-Id",
                "Accept",
                "Authorization",
                "traceparent",
                "X-A");
        Random random = new Random(8);
        for (int round = 0; round < 1_000; round++) {
            var netty = DefaultHttpHeadersFactory.headersFactory().newHeaders();
            int count = random.nextInt(10);
            for (int i = 0; i < count; i++) {
                String name = vocabulary.get(random.nextInt(vocabulary.size()));
                String value = name.equals("Connection") ? vocabulary.get(random.nextInt(vocabulary.size())) : "v" + i;
                netty.add(name, value);
            }
            ServerWebExchange exchange = MockServerWebExchange.from(
                    MockServerHttpRequest.get("/api/budget/x").remoteAddress(new InetSocketAddress("203.0.113.9", 1)));
            String correlationId = random.nextBoolean() ? "v1" : "gw-" + round;
            exchange.getAttributes().put(CorrelationId.CONTEXT_KEY, correlationId);
            HttpHeaders input = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(new Netty4HeadersAdapter(netty)));

            HttpHeaders expected = HttpHeaders.copyOf(HttpHeadersFilter.filter(springs, input, exchange, Type.REQUEST));
            IdentityHeaders.SPOOFABLE.forEach(expected::remove);
            List<String> ids = expected.get(CorrelationId.HEADER);
            if (ids == null || ids.size() != 1 || !ids.get(0).equals(correlationId)) {
                expected.set(CorrelationId.HEADER, correlationId);
            }
            expected.set("X-Forwarded-For", "203.0.113.9");

            assertThat(listing(ours.filter(input, exchange)))
                    .as(listing(input).toString())
                    .isEqualTo(listing(expected));
        }
    }

    /** Every header in order with its values. */
    private static List<String> listing(HttpHeaders headers) {
        List<String> listing = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            listing.add(header.getKey() + "=" + header.getValue());
        }
        return listing;
    }

    private static HttpHeaders readOnly(String... pairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }

    /** An edit that writes its header, or nothing when it has none, and records the headers it was asked about. */
    private static final class Recording implements ProxiedRequestHeaderEdit {

        private final String writes;
        private final List<HttpHeaders> checked = new ArrayList<>();

        Recording(String writes) {
            this.writes = writes;
        }

        @Override
        public void edit(EditedHeaders headers, ServerWebExchange exchange) {
            checked.add(headers.current());
            if (writes != null) {
                headers.writable().set(writes, "1");
            }
        }
    }
}
