package io.mita.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.reactive.CorsWebFilter;
import reactor.core.publisher.Mono;

class CorsConfigurationTest {

    private final CorsWebFilter filter =
            new CorsConfiguration().corsWebFilter(new CorsProperties(List.of("http://localhost:3000"), true));

    @Test
    void aPreflightFromAListedOriginIsAllowed() {
        MockServerWebExchange exchange = preflight("http://localhost:3000");

        filter.filter(exchange, ignored -> Mono.empty()).block();

        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isEqualTo("http://localhost:3000");
        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowMethods())
                .contains(HttpMethod.POST);
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        MockServerWebExchange exchange = preflight("https://evil.example");

        filter.filter(exchange, ignored -> Mono.empty()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isNull();
    }

    private static MockServerWebExchange preflight(String origin) {
        return MockServerWebExchange.from(MockServerHttpRequest.options("http://auth.mita.local/api/auth/login")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"));
    }
}
