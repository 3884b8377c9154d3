package io.mita.auth.registration;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Registration's answers to invalid requests, in a WebFlux slice: status, {@code code}, fields, problem+json. */
@MitaWebFluxTest(RegistrationController.class)
@Import(RegistrationControllerTest.UseCases.class)
class RegistrationControllerTest {

    @Autowired
    WebTestClient client;

    @Test
    void anInvalidEmailAndATooShortPasswordAreBothNamed() {
        register("{\"email\":\"not-an-email\",\"password\":\"short\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[1].field")
                .isEqualTo("password")
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    @Test
    void aDisplayNameOfMoreThanAHundredCharactersIsRefused() {
        register("{\"email\":\"someone@example.com\",\"password\":\"correct horse battery staple\","
                        + "\"displayName\":\"" + "n".repeat(101) + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("displayName");
    }

    @Test
    void aPasswordLongerThanThePolicyAllowsIsRefusedBeforeHashing() {
        register("{\"email\":\"someone@example.com\",\"password\":\"" + "p".repeat(1025) + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void aMissingBodyIsAMalformedRequest() {
        client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST");
    }

    private WebTestClient.ResponseSpec register(String json) {
        return client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class UseCases {

        @Bean
        RegistrationService registrationService() {
            // no store or hasher: every request here is refused by validation before the use case runs
            return new RegistrationService(
                    null,
                    null,
                    null,
                    null,
                    new RegistrationPublisher(new RecordingOutbox()),
                    new InlineTransactions(),
                    Clock.systemUTC());
        }
    }
}
