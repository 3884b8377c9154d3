package io.mita.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class SecurityHeadersWebFilterTest {

    private final SecurityHeadersWebFilter filter =
            new SecurityHeadersWebFilter(new SecurityHeadersProperties(List.of("/audit/console/**")));

    @ParameterizedTest
    @ValueSource(strings = {"/audit/console", "/audit/console/", "/audit/console/app.js", "/audit/console/console.css"})
    void theConsolesFilesGetThePagePolicyThatLoadsOnlyThisOriginsFiles(String path) {
        HttpHeaders headers = answerTo(path);

        assertThat(headers.get("Content-Security-Policy")).containsExactly(SecurityHeadersWebFilter.PAGE_POLICY);
        assertThat(SecurityHeadersWebFilter.PAGE_POLICY)
                .startsWith("default-src 'none';")
                .contains("script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe", "*", "http");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit/events", "/audit/consoles", "/audit", "/api/auth/login", "/"})
    void everyOtherAnswerKeepsThePolicyThatRunsNothing(String path) {
        assertThat(answerTo(path).get("Content-Security-Policy")).containsExactly(SecurityHeadersWebFilter.API_POLICY);
    }

    @Test
    void withoutPagePathsEveryAnswerGetsTheApiPolicy() {
        SecurityHeadersWebFilter noPages = new SecurityHeadersWebFilter(new SecurityHeadersProperties(null));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/audit/console/"));

        noPages.filter(exchange, served -> Mono.empty()).block();
        exchange.getResponse().setComplete().block();

        assertThat(exchange.getResponse().getHeaders().get("Content-Security-Policy"))
                .containsExactly(SecurityHeadersWebFilter.API_POLICY);
    }

    private HttpHeaders answerTo(String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        filter.filter(exchange, served -> {
                    served.getResponse().getHeaders().set("Content-Security-Policy", "default-src *");
                    return Mono.empty();
                })
                .block();
        exchange.getResponse().setComplete().block();
        return exchange.getResponse().getHeaders();
    }
}
