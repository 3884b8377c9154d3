package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EdgeAuthenticationIT extends GatewayTestSupport {

    @Test
    void refusesARequestWithoutATokenWithAnUnauthenticatedProblemAndNeverForwardsIt() {
        String path = "/api/budget/transactions/no-token";

        WebTestClient.ResponseSpec response = client.get().uri(path).exchange();

        expectUnauthenticated(response);
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void refusesAnExpiredToken() {
        String path = "/api/budget/transactions/expired";

        expectUnauthenticated(client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(UUID.randomUUID()))
                .exchange());
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void refusesATokenSignedByAKeyTheJwksDoesNotHold() {
        String path = "/api/budget/transactions/foreign-key";

        expectUnauthenticated(client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.signedByUnknownKey(UUID.randomUUID()))
                .exchange());
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void refusesTokensWithKeyIdsTheJwksDoesNotHoldEvenWhenManyArrive() {
        for (int i = 0; i < 5; i++) {
            String path = "/api/budget/transactions/unknown-kid-" + i;
            expectUnauthenticated(client.get()
                    .uri(path)
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + withKeyId(TestTokens.forUser(UUID.randomUUID()), "made-up-" + i))
                    .exchange());
            assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
        }
    }

    /** The same token with another {@code kid} in its header (its signature no longer matters: no key is found). */
    private static String withKeyId(String token, String kid) {
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replaceFirst("\"kid\":\"[^\"]*\"", "\"kid\":\"" + kid + "\"");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + "." + parts[2];
    }

    @Test
    void refusesATokenIssuedForAnotherAudience() {
        String path = "/api/budget/transactions/other-audience";

        expectUnauthenticated(client.get()
                .uri(path)
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.token().audience("another-api").sign())
                .exchange());
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void refusesAGarbledToken() {
        expectUnauthenticated(client.get()
                .uri("/api/budget/dashboard")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
                .exchange());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  two.spaces", "Bearer a b", "Bearer ab=c", "bearer,x"})
    void refusesAMalformedBearerHeaderWithAnUnauthenticatedProblemAndNeverForwardsIt(String header) {
        String path = "/api/budget/transactions/malformed-" + UUID.randomUUID();

        expectUnauthenticated(
                client.get().uri(path).header(HttpHeaders.AUTHORIZATION, header).exchange());
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        String path = "/api/budget/transactions/lower-case-" + UUID.randomUUID();
        String header = "bEARER " + TestTokens.forUser(UUID.randomUUID());

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, header)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(1);
    }

    @Test
    void refusesAValidTokenSentInTheQueryOrAFormBodyInsteadOfTheHeader() {
        String token = TestTokens.forUser(UUID.randomUUID());
        String queryPath = "/api/budget/transactions/query-token-" + UUID.randomUUID();
        String formPath = "/api/budget/transactions/form-token-" + UUID.randomUUID();

        expectUnauthenticated(
                client.get().uri(queryPath + "?access_token=" + token).exchange());
        expectUnauthenticated(client.post()
                .uri(formPath)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("access_token=" + token)
                .exchange());
        assertThat(DOWNSTREAM.receivedAt(queryPath)).isEmpty();
        assertThat(DOWNSTREAM.receivedAt(formPath)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/register",
                "/api/auth/login",
                "/api/auth/refresh",
                "/api/auth/logout",
                "/api/auth/password-reset/request",
                "/api/auth/password-reset/confirm"
            })
    void forwardsThePublicAuthEndpointsWithoutAToken(String path) {
        int before = DOWNSTREAM.receivedAt(path).size();

        client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"someone@example.com\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path);

        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(before + 1);
        assertThat(DOWNSTREAM.receivedAt(path).get(before).hasHeader(HttpHeaders.AUTHORIZATION))
                .isFalse();
    }

    @Test
    void forwardsTheJwksWithoutAToken() {
        client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo("/.well-known/jwks.json");
    }

    @Test
    void keepsTheRestOfTheAuthServiceBehindTheToken() {
        expectUnauthenticated(client.get().uri("/api/auth/me").exchange());
        expectUnauthenticated(client.put()
                .uri("/api/auth/admin/users/" + UUID.randomUUID() + "/roles")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"ADMIN\"]}")
                .exchange());
    }

    private static void expectUnauthenticated(WebTestClient.ResponseSpec response) {
        expectProblem(response, HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
    }
}
