package io.mita.common.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RequestLogWebFilterTest {

    @Test
    void theLineNamesMethodPathStatusAndDuration() {
        assertThat(RequestLogWebFilter.line(HttpMethod.DELETE, "/api/budget/transactions/42", 204, 7))
                .isEqualTo("DELETE /api/budget/transactions/42 -> 204 in 7 ms");
    }

    @Test
    void placeholderBracesInThePathAreKeptAsTheyAre() {
        assertThat(RequestLogWebFilter.line(HttpMethod.GET, "/api/{}/x", 404, 0))
                .isEqualTo("GET /api/{}/x -> 404 in 0 ms");
    }
}
