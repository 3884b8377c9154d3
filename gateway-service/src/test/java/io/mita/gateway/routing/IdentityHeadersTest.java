package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class IdentityHeadersTest {

    private final ProxiedRequestHeadersFilter filter = ProxiedRequestHeaders.with(new IdentityHeaders());
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget"));

    @Test
    void removesEveryIdentityHeaderWhateverItsCase() {
        HttpHeaders input = new HttpHeaders();
        input.add("x-user-id", "someone-else");
        input.add("X-USER-ROLES", "ADMIN");
        input.add("X-Authenticated-User", "admin@mita.local");
        input.add(HttpHeaders.AUTHORIZATION, "Bearer token");

        HttpHeaders forwarded = filter.filter(HttpHeaders.readOnlyHttpHeaders(input), exchange);

        assertThat(forwarded.headerNames()).containsExactly(HttpHeaders.AUTHORIZATION);
        assertThat(forwarded.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer token");
        assertThat(input.headerNames()).hasSize(4);
    }

    @Test
    void removesTheForwardedUserHeaderAsAnIdentityHeader() {
        HttpHeaders input = new HttpHeaders();
        input.add("X-Forwarded-User", "admin");
        input.add(HttpHeaders.AUTHORIZATION, "Bearer token");
        EditedHeaders headers = new EditedHeaders(HttpHeaders.readOnlyHttpHeaders(input), false);

        new IdentityHeaders().edit(headers, exchange);

        assertThat(headers.current().headerNames()).containsExactly(HttpHeaders.AUTHORIZATION);
        assertThat(input.headerNames()).hasSize(2);
    }

    @Test
    void leavesHeadersWithoutIdentityClaimsUntouched() {
        HttpHeaders input = new HttpHeaders();
        input.add(HttpHeaders.AUTHORIZATION, "Bearer token");
        input.add("X-Correlation-Id", "abc");

        assertThat(filter.filter(input, exchange)).isSameAs(input);
    }
}
