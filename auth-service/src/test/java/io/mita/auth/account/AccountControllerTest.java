package io.mita.auth.account;

import io.mita.testsupport.MitaWebFluxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/auth/me} in a WebFlux slice: only a caller with an access token is answered. */
@MitaWebFluxTest(AccountController.class)
@Import(AccountControllerTest.UseCases.class)
class AccountControllerTest {

    @Autowired
    WebTestClient client;

    @Test
    void withoutAnAccessTokenTheAnswerIsAnUnauthenticatedProblem() {
        client.get()
                .uri("/api/auth/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class UseCases {

        @Bean
        UserProfiles userProfiles() {
            return AccountFixtures.profilesNeverRead();
        }
    }
}
