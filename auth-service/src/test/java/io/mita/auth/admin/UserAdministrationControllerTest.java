package io.mita.auth.admin;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.account.AccountFixtures;
import io.mita.auth.account.UserProfiles;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.LockoutFixtures;
import io.mita.testsupport.MitaWebFluxTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** User administration's refusals in a WebFlux slice: who may call it, and what it accepts. */
@MitaWebFluxTest(UserAdministrationController.class)
@Import(UserAdministrationControllerTest.UseCases.class)
class UserAdministrationControllerTest {

    @Autowired
    WebTestClient client;

    @Test
    void withoutAnAccessTokenTheAnswerIsUnauthenticated() {
        client.post()
                .uri("/api/auth/admin/users/{id}/unlock", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
    }

    @Test
    void aUserWhoIsNoAdministratorIsForbidden() {
        as("USER")
                .put()
                .uri("/api/auth/admin/users/{id}/roles", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"ADMIN\"]}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_FORBIDDEN");
    }

    @Test
    void anEmptySetOfRolesIsAValidationProblem() {
        replaceRoles("{\"roles\":[]}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("roles");
    }

    @Test
    void anUnknownRoleIsRefusedNamingIt() {
        replaceRoles("{\"roles\":[\"USER\",\"SUPERUSER\"]}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNKNOWN_ROLE")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString())
                        .contains("SUPERUSER"));
    }

    @Test
    void aUserIdThatIsNoUuidIsAMalformedRequest() {
        as("ADMIN")
                .post()
                .uri("/api/auth/admin/users/not-a-uuid/unlock")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void unlockingAnAccountThatDoesNotExistIsUserNotFound() {
        as("ADMIN")
                .post()
                .uri("/api/auth/admin/users/{id}/unlock", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_USER_NOT_FOUND");
    }

    private WebTestClient.ResponseSpec replaceRoles(String json) {
        return as("ADMIN")
                .put()
                .uri("/api/auth/admin/users/{id}/roles", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private WebTestClient as(String role) {
        return client.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    /** Unknown roles are refused before any store is read; the lockout state is in memory and knows nobody. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UseCases {

        @Bean
        RoleAdministrationService roleAdministrationService() {
            return new RoleAdministrationService(
                    null, null, new RolePublisher(new RecordingOutbox()), new InlineTransactions());
        }

        @Bean
        UserProfiles userProfiles() {
            return AccountFixtures.profilesNeverRead();
        }

        @Bean
        AccountLockout accountLockout() {
            return LockoutFixtures.inMemoryLockout(new RecordingOutbox());
        }
    }
}
