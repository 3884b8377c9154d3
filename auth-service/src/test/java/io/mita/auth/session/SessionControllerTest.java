package io.mita.auth.session;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.config.AuthProperties;
import io.mita.auth.secret.OpaqueToken;
import io.mita.testsupport.MitaWebFluxTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The session endpoints' answers to bad requests and refused tokens: status, {@code code} and problem+json,
 * in a WebFlux slice whose sessions are kept in memory.
 */
@MitaWebFluxTest(SessionController.class)
@Import(SessionControllerTest.UseCases.class)
class SessionControllerTest {

    @Autowired
    WebTestClient client;

    @Autowired
    SessionService sessions;

    @Test
    void aLoginWithoutPasswordIsAValidationProblemNamingTheField() {
        post("/api/auth/login", "{\"email\":\"someone@example.com\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void aLoginWithAnOverlongPasswordIsRefusedBeforeAnyHashing() {
        post("/api/auth/login", "{\"email\":\"someone@example.com\",\"password\":\"" + "x".repeat(1025) + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        post("/api/auth/login", "{not json")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aFormInsteadOfJsonIsAnUnsupportedMediaType() {
        client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=someone@example.com&password=secret")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aRefreshWithoutTokenIsAValidationProblem() {
        post("/api/auth/refresh", "{\"refreshToken\":\"\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("refreshToken");
    }

    @Test
    void anUnknownRefreshTokenIsInvalid() {
        post("/api/auth/refresh", refreshBody(OpaqueToken.generate().value()))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_INVALID_REFRESH_TOKEN");
    }

    @Test
    void aRefreshAnswersATokenPairAndTheSpentTokenPresentedAgainAfterItsSuccessorIsReuse() {
        String first = sessions.open(UUID.randomUUID()).block().refreshToken().value();

        String successor = post("/api/auth/refresh", refreshBody(first))
                .expectStatus()
                .isOk()
                .expectBody(TokenPairResponse.class)
                .value(pair -> org.assertj.core.api.Assertions.assertThat(pair.tokenType())
                        .isEqualTo("Bearer"))
                .returnResult()
                .getResponseBody()
                .refreshToken();
        post("/api/auth/refresh", refreshBody(successor)).expectStatus().isOk();
        post("/api/auth/refresh", refreshBody(first))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_REFRESH_TOKEN_REUSED");
    }

    @Test
    void logoutWithAnUnknownTokenAnswersNoContent() {
        post("/api/auth/logout", refreshBody(OpaqueToken.generate().value()))
                .expectStatus()
                .isNoContent();
    }

    private WebTestClient.ResponseSpec post(String path, String json) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private static String refreshBody(String token) {
        return "{\"refreshToken\":\"" + token + "\"}";
    }

    /** The use cases over in-memory fakes; login is refused by validation before it would run. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UseCases {

        @Bean
        SessionService sessionService() {
            return new SessionService(
                    new InMemoryRefreshTokens(),
                    new FakeAccessTokens(),
                    new SessionPublisher(new RecordingOutbox()),
                    new InlineTransactions(),
                    new AuthProperties(
                            Duration.ofMinutes(15),
                            Duration.ofDays(30),
                            "unused",
                            AuthProperties.SigningAlgorithm.RS256,
                            new AuthProperties.PasswordHashing(1),
                            new AuthProperties.BootstrapAdmin("admin@mita.local", "unused")),
                    SessionFixtures.sessionProperties(),
                    Clock.systemUTC());
        }

        @Bean
        ClientContextResolver clientContextResolver() {
            return new ClientContextResolver(SessionFixtures.sessionProperties());
        }

        @Bean
        LoginService loginService() {
            // no collaborator: these tests send no login that passes validation
            return new LoginService(null, null, null, null, null, null, null, null, null);
        }
    }
}
