package io.mita.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Static helpers the integration tests drive the API with. Every account gets a fresh e-mail. */
public final class AuthFixtures {

    public static final String PASSWORD = "crimson walrus juggles seven lanterns";
    public static final String BOOTSTRAP_ADMIN_EMAIL = "admin@mita.local";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "change-me-admin-password";

    private AuthFixtures() {}

    public static String aUniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Argon2 on a busy 2-core machine: be patient. */
    public static WebTestClient patient(WebTestClient client) {
        return client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    public static UUID register(WebTestClient client, String email) {
        Registered registered = client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Registered.class)
                .returnResult()
                .getResponseBody();
        return registered.userId();
    }

    public static Tokens login(WebTestClient client, String email, String password) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();
    }

    public static Tokens login(WebTestClient client, String email) {
        return login(client, email, PASSWORD);
    }

    public static Tokens loginAsBootstrapAdmin(WebTestClient client) {
        return login(client, BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD);
    }

    public static WebTestClient.ResponseSpec refresh(WebTestClient client, String refreshToken) {
        return client.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }

    public static Me me(WebTestClient client, String accessToken) {
        return client.get()
                .uri("/api/auth/me")
                .headers(headers -> headers.setBearerAuth(accessToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Me.class)
                .returnResult()
                .getResponseBody();
    }

    /** Asserts a problem+json answer with this status and code. */
    public static void assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status.value())
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.errorId")
                .isNotEmpty()
                .jsonPath("$.correlationId")
                .isNotEmpty();
    }

    public static List<String> rolesClaim(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("roles");
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + e.getMessage());
        }
    }

    public static String kidOf(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + e.getMessage());
        }
    }

    public static void assertTokenPair(Tokens tokens) {
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(900);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).matches("[A-Za-z0-9_-]{43}");
    }

    public record Registered(UUID userId) {}

    public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

    public record Me(UUID userId, String email, String displayName, List<String> roles) {}
}
