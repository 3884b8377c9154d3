package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.gateway.caller.ClientAddressProperties;
import io.mita.gateway.caller.ClientAddressResolver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The configured hop-by-hop set and order reach the request filter and the response filter alike. */
class ProxiedHeadersConfigurationTest {

    private static final String HOP_BY_HOP = "spring.cloud.gateway.server.webflux.filter.remove-hop-by-hop";

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(ProxiedHeadersConfiguration.class)
            .withBean(
                    ClientAddressResolver.class,
                    () -> new ClientAddressResolver(new ClientAddressProperties(List.of())));

    @Test
    void oneRequestFilterAndOneResponseFilterShareTheConfiguredHopByHopSetAndOrder() {
        gateway.withPropertyValues(HOP_BY_HOP + ".headers=X-Hop", HOP_BY_HOP + ".order=42")
                .run(context -> {
                    assertThat(context).hasSingleBean(ProxiedRequestHeadersFilter.class);
                    assertThat(context).hasSingleBean(HopByHopAndForwardedHeadersFilter.class);
                    List<HttpHeadersFilter> filters = List.of(
                            context.getBean(ProxiedRequestHeadersFilter.class),
                            context.getBean(HopByHopAndForwardedHeadersFilter.class));
                    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
                    HttpHeaders input = new HttpHeaders();
                    input.add("x-hop", "1");
                    input.add("Keep-Alive", "timeout=5");
                    input.add("Accept", "*/*");

                    for (HttpHeadersFilter filter : filters) {
                        assertThat(((Ordered) filter).getOrder()).isEqualTo(42);
                        assertThat(filter.filter(input, exchange).headerNames())
                                .containsExactly("Keep-Alive", "Accept");
                    }
                    assertThat(filters.get(0).supports(HttpHeadersFilter.Type.REQUEST))
                            .isTrue();
                    assertThat(filters.get(1).supports(HttpHeadersFilter.Type.RESPONSE))
                            .isTrue();
                });
    }

    @Test
    void aConfiguredHopByHopSetLeavesSpringsDefaultSetAsItWas() {
        gateway.withPropertyValues(HOP_BY_HOP + ".headers=X-Hop")
                .run(context -> assertThat(context).hasSingleBean(ProxiedRequestHeadersFilter.class));

        assertThat(new RemoveHopByHopHeadersFilter().getHeaders())
                .contains("connection", "keep-alive", "te")
                .doesNotContain("x-hop", "X-Hop");
    }
}
