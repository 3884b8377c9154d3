package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.mita.common.correlation.CorrelationId;
import io.mita.testsupport.TestTokens;

/**
 * The whole gateway on a random port, its routes pointed at a {@link FakeDownstream} (auth, budget,
 * ocr, notification) or at a port nobody listens on (insights, audit: services that are down), checking
 * tokens against the test JWKS. Every subclass shares this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(ConnectionCounting.class)
abstract class GatewayTestSupport {

    static final FakeDownstream DOWNSTREAM = FakeDownstream.start();
    static final String DOWN = "http://127.0.0.1:" + FakeDownstream.unusedPort();
    /** ocr's response timeout is overridden so a slow answer times out quickly. */
    static final String OCR_RESPONSE_TIMEOUT = "500ms";

    @DynamicPropertySource
    static void gatewayUnderTest(DynamicPropertyRegistry registry) {
        registry.add("mita.security.jwks-uri", TestTokens::jwksUri);
        registry.add("mita.security.issuer", () -> TestTokens.ISSUER);
        registry.add("mita.security.audience", () -> TestTokens.AUDIENCE);
        registry.add("MITA_AUTH_URL", DOWNSTREAM::uri);
        registry.add("MITA_BUDGET_URL", DOWNSTREAM::uri);
        registry.add("MITA_OCR_URL", DOWNSTREAM::uri);
        registry.add("MITA_NOTIFICATION_URL", DOWNSTREAM::uri);
        registry.add("MITA_INSIGHTS_URL", () -> DOWN);
        registry.add("MITA_AUDIT_URL", () -> DOWN);
        registry.add("mita.gateway.routes.ocr.response-timeout", () -> OCR_RESPONSE_TIMEOUT);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionCounting connections;

    /** Asserts a problem+json answer whose correlationId matches the response header, and returns its body. */
    static Map<String, Object> expectProblem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        EntityExchangeResult<Map<String, Object>> result = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult();
        Map<String, Object> body = result.getResponseBody();
        assertThat(body).containsEntry("status", status.value()).containsEntry("code", code).containsKey("errorId");
        String correlationId = result.getResponseHeaders().getFirst(CorrelationId.HEADER);
        assertThat(correlationId).isNotBlank();
        assertThat(body).containsEntry("correlationId", correlationId);
        return body;
    }

    static String bearer() {
        return "Bearer " + TestTokens.forUser(UUID.randomUUID());
    }
}
