package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.gateway.caller.ClientAddressProperties;
import io.mita.gateway.caller.ClientAddressResolver;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

/** The proxied request's {@code X-Forwarded-For}: one value, the client address the gateway resolved. */
class ClientAddressHeaderTest {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Test
    void writesTheClientATrustedProxyNamedAsTheOnlyValue() {
        var exchange = exchange("10.0.0.5", "192.0.2.66, 198.51.100.23");

        assertThat(forwardedFor(trusting("10.0.0.0/8"), exchange)).containsExactly("198.51.100.23");
    }

    @Test
    void writesTheClientBehindSeveralTrustedProxiesFromSeveralHeaders() {
        var exchange = exchange("10.0.0.5", "192.0.2.66", "198.51.100.23, 10.1.2.3");

        assertThat(forwardedFor(trusting("10.0.0.0/8"), exchange)).containsExactly("198.51.100.23");
    }

    @Test
    void writesThePeerWhenTheRequestCameStraightFromTheClient() {
        assertThat(forwardedFor(trusting(), exchange("203.0.113.9"))).containsExactly("203.0.113.9");
        assertThat(forwardedFor(trusting(), exchange("2001:db8:1234:5678::9")))
                .containsExactly("2001:db8:1234:5678:0:0:0:9");
    }

    @Test
    void replacesAForwardedForThatAnUntrustedPeerSentByThePeer() {
        var exchange = exchange("203.0.113.9", "198.51.100.1", "10.0.0.7");

        assertThat(forwardedFor(trusting("10.0.0.0/8"), exchange)).containsExactly("203.0.113.9");
    }

    @Test
    void writesNoAddressWhenThePeerIsUnknownButStillDropsTheClients() {
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/auth/login").header(X_FORWARDED_FOR, "198.51.100.1"));

        assertThat(forwardedFor(trusting(), exchange)).isNull();
    }

    @Test
    void asksItsResolverOncePerRequest() {
        AtomicInteger asked = new AtomicInteger();
        ClientAddressResolver counting = new ClientAddressResolver(new ClientAddressProperties(List.of())) {
            @Override
            public String clientIp(ServerWebExchange exchange) {
                asked.incrementAndGet();
                return super.clientIp(exchange);
            }
        };

        assertThat(forwardedFor(counting, exchange("203.0.113.9"))).containsExactly("203.0.113.9");
        assertThat(asked).hasValue(1);
    }

    /** The gateway's request filter with this edit on the request's own headers, as the server hands them over. */
    private static List<String> forwardedFor(ClientAddressResolver resolver, MockServerWebExchange exchange) {
        HttpHeaders input =
                HttpHeaders.readOnlyHttpHeaders(exchange.getRequest().getHeaders());
        return ProxiedRequestHeaders.with(new ClientAddressHeader(resolver))
                .filter(input, exchange)
                .get(X_FORWARDED_FOR);
    }

    private static ClientAddressResolver trusting(String... cidrs) {
        return new ClientAddressResolver(new ClientAddressProperties(List.of(cidrs)));
    }

    private static MockServerWebExchange exchange(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get("/api/auth/login").remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            request.header(X_FORWARDED_FOR, value);
        }
        return MockServerWebExchange.from(request);
    }
}
