package io.mita.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every reactive process gets the strict firewall, still refusing what Spring Security's default refuses. */
class MitaFirewallAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MitaFirewallAutoConfiguration.class));

    @Test
    void aHeaderValueWithAControlCharacterIsRejectedWhenTheApplicationReadsIt() {
        runner.run(context -> {
            ServerWebExchange exchange = firewalled(
                    context.getBean(ServerWebExchangeFirewall.class),
                    MockServerHttpRequest.get("/api/x").header("X-Note", "a\u0085b"));

            assertThatThrownBy(() -> exchange.getRequest().getHeaders().getFirst("X-Note"))
                    .isInstanceOf(ServerExchangeRejectedException.class);
        });
    }

    @Test
    void aHeaderNameWithAControlCharacterIsRejectedWhenTheApplicationReadsIt() {
        runner.run(context -> {
            ServerWebExchange exchange = firewalled(
                    context.getBean(ServerWebExchangeFirewall.class),
                    MockServerHttpRequest.get("/api/x").header("X-\u0085Note", "a"));

            assertThatThrownBy(() -> exchange.getRequest().getHeaders().getFirst("X-\u0085Note"))
                    .isInstanceOf(ServerExchangeRejectedException.class);
        });
    }

    @Test
    void aBearerTokenIsReadAsItCame() {
        runner.run(context -> {
            ServerWebExchange exchange = firewalled(
                    context.getBean(ServerWebExchangeFirewall.class),
                    MockServerHttpRequest.get("/api/x").header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi"));

            assertThat(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                    .isEqualTo("Bearer abc.def.ghi");
        });
    }

    @Test
    void theStrictDefaultsStayForPathsAndMethods() {
        runner.run(context -> {
            ServerWebExchangeFirewall firewall = context.getBean(ServerWebExchangeFirewall.class);

            assertThatThrownBy(() -> firewalled(
                            firewall, MockServerHttpRequest.method(HttpMethod.GET, URI.create("/api/a%2e%2e/b"))))
                    .isInstanceOf(ServerExchangeRejectedException.class);
            assertThatThrownBy(() ->
                            firewalled(firewall, MockServerHttpRequest.method(HttpMethod.TRACE, URI.create("/api/x"))))
                    .isInstanceOf(ServerExchangeRejectedException.class);
        });
    }

    @Test
    void anApplicationsOwnFirewallIsKept() {
        ServerWebExchangeFirewall own = Mono::just;
        runner.withBean(ServerWebExchangeFirewall.class, () -> own)
                .run(context -> assertThat(context.getBean(ServerWebExchangeFirewall.class))
                        .isSameAs(own));
    }

    private static ServerWebExchange firewalled(
            ServerWebExchangeFirewall firewall, MockServerHttpRequest.BaseBuilder<?> request) {
        return firewall.getFirewalledExchange(MockServerWebExchange.from(request))
                .block();
    }
}
