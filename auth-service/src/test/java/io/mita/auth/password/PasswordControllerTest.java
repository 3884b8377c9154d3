package io.mita.auth.password;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.config.DevelopmentDefaults;
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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Password reset and change answers to invalid requests, in a WebFlux slice: status, {@code code}, problem+json. */
@MitaWebFluxTest(PasswordController.class)
@Import(PasswordControllerTest.UseCases.class)
class PasswordControllerTest {

    @Autowired
    WebTestClient client;

    @Test
    void aResetRequestForSomethingThatIsNoEmailIsAValidationProblem() {
        post(client, "/api/auth/password-reset/request", "{\"email\":\"nobody\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
    }

    @Test
    void aConfirmationWithoutTokenAndWithATooShortPasswordNamesBoth() {
        post(client, "/api/auth/password-reset/confirm", "{\"token\":\"\",\"newPassword\":\"short\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword")
                .jsonPath("$.errors[1].field")
                .isEqualTo("token");
    }

    @Test
    void aPasswordChangeWithoutAnAccessTokenIsUnauthenticated() {
        post(client, "/api/auth/password/change", "{\"currentPassword\":\"a\",\"newPassword\":\"b\"}")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
    }

    @Test
    void aSignedInPasswordChangeWithoutTheCurrentPasswordIsAValidationProblem() {
        WebTestClient signedIn = client.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_USER")));

        post(signedIn, "/api/auth/password/change", "{\"newPassword\":\"correct horse battery staple\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("currentPassword");
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String path, String json) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** The use cases with no store behind them: every request here is refused before one runs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UseCases {

        private final PasswordPublisher events = new PasswordPublisher(new RecordingOutbox());

        @Bean
        RequestPasswordReset requestPasswordReset() {
            return new RequestPasswordReset(
                    null,
                    null,
                    null,
                    events,
                    new InlineTransactions(),
                    new PasswordResetProperties(Duration.ofMinutes(30), DevelopmentDefaults.DELIVERY_KEY),
                    null,
                    Clock.systemUTC());
        }

        @Bean
        ConfirmPasswordReset confirmPasswordReset() {
            return new ConfirmPasswordReset(
                    null, null, null, null, null, null, events, new InlineTransactions(), Clock.systemUTC());
        }

        @Bean
        ChangePassword changePassword() {
            return new ChangePassword(
                    null, null, null, null, null, null, events, new InlineTransactions(), Clock.systemUTC());
        }
    }
}
