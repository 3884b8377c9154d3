package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.common.correlation.CorrelationId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class CorrelationIdHeaderTest {

    private final ProxiedRequestHeadersFilter filter = ProxiedRequestHeaders.with(new CorrelationIdHeader());

    @Test
    void writesTheGatewaysCorrelationIdIntoACopyOfTheHeadersWhenTheRequestCameWithoutOne() {
        var exchange = exchangeWithCorrelationId("gw-1");
        HttpHeaders input = new HttpHeaders();
        input.set(HttpHeaders.AUTHORIZATION, "Bearer token");

        HttpHeaders forwarded = filter.filter(HttpHeaders.readOnlyHttpHeaders(input), exchange);

        assertThat(forwarded.get(CorrelationId.HEADER)).containsExactly("gw-1");
        assertThat(forwarded.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer token");
        assertThat(input.containsHeader(CorrelationId.HEADER)).isFalse();
    }

    @Test
    void replacesTheClientsIdsByTheGatewaysOneWhenTheyAreNotExactlyIt() {
        var exchange = exchangeWithCorrelationId("gw-2");
        HttpHeaders twoIds = new HttpHeaders();
        twoIds.add(CorrelationId.HEADER, "one");
        twoIds.add(CorrelationId.HEADER, "two");
        HttpHeaders malformed = new HttpHeaders();
        malformed.add(CorrelationId.HEADER, "not a valid id");

        assertThat(filter.filter(twoIds, exchange).get(CorrelationId.HEADER)).containsExactly("gw-2");
        assertThat(filter.filter(malformed, exchange).get(CorrelationId.HEADER)).containsExactly("gw-2");
    }

    @Test
    void passesTheHeadersUnchangedWhenTheRequestCameWithExactlyTheGatewaysId() {
        var exchange = exchangeWithCorrelationId("app-7f3a:42");
        HttpHeaders input = new HttpHeaders();
        input.set(CorrelationId.HEADER, "app-7f3a:42");

        assertThat(filter.filter(input, exchange)).isSameAs(input);
    }

    @Test
    void writesTheIdWhenTheClientsIdWasNamedInConnectionAndSoDropped() {
        var exchange = exchangeWithCorrelationId("app-7f3a:42");
        HttpHeaders input = new HttpHeaders();
        input.set(HttpHeaders.CONNECTION, "x-correlation-id");
        input.set(CorrelationId.HEADER, "app-7f3a:42");

        HttpHeaders forwarded = filter.filter(input, exchange);

        assertThat(forwarded.get(CorrelationId.HEADER)).containsExactly("app-7f3a:42");
        assertThat(forwarded.containsHeader(HttpHeaders.CONNECTION)).isFalse();
    }

    private static MockServerWebExchange exchangeWithCorrelationId(String id) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
        exchange.getAttributes().put(CorrelationId.CONTEXT_KEY, id);
        return exchange;
    }
}
