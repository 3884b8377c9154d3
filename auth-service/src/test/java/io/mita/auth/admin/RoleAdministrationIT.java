package io.mita.auth.admin;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.loginAsBootstrapAdmin;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.register;
import static io.mita.auth.AuthFixtures.rolesClaim;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.testsupport.MitaIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class RoleAdministrationIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    private String adminToken;

    @BeforeEach
    void setUp() {
        client = AuthFixtures.patient(client);
        adminToken = loginAsBootstrapAdmin(client).accessToken();
    }

    @Test
    void anAdminGrantsARoleThatTheNextLoginCarries() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String before = login(client, email).accessToken();
        UUID adminId = me(client, adminToken).userId();

        putRoles(adminToken, userId, List.of("USER", "COMPLIANCE"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.userId")
                .isEqualTo(userId.toString())
                .jsonPath("$.roles")
                .isEqualTo(List.of("COMPLIANCE", "USER"));

        assertThat(rolesClaim(before)).containsExactly("USER");
        String after = login(client, email).accessToken();
        assertThat(rolesClaim(after)).containsExactly("COMPLIANCE", "USER");
        assertThat(me(client, after).roles()).containsExactly("COMPLIANCE", "USER");
        assertThat(OutboxEvents.ofTypeAndSubject(db, RolesGranted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(adminId.toString());
                    assertThat(event.data())
                            .contains("\"grantedBy\": \"" + adminId + "\"")
                            .contains("COMPLIANCE");
                });
    }

    @Test
    void theRolesAreReplacedNotAdded() {
        UUID userId = register(client, aUniqueEmail());
        putRoles(adminToken, userId, List.of("COMPLIANCE")).expectStatus().isOk();

        putRoles(adminToken, userId, List.of("USER"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles")
                .isEqualTo(List.of("USER"));
    }

    @Test
    void aUserWhoIsNotAdminGets403() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String userToken = login(client, email).accessToken();

        assertProblem(putRoles(userToken, userId, List.of("ADMIN")), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        assertThat(me(client, login(client, email).accessToken()).roles()).containsExactly("USER");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        assertProblem(
                client.put()
                        .uri("/api/auth/admin/users/{id}/roles", UUID.randomUUID())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("roles", List.of("USER")))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void anUnknownUserAnswers404() {
        assertProblem(
                putRoles(adminToken, UUID.randomUUID(), List.of("USER")), HttpStatus.NOT_FOUND, "AUTH_USER_NOT_FOUND");
    }

    @Test
    void anUnknownRoleAnswers400AndChangesNothing() {
        UUID userId = register(client, aUniqueEmail());

        assertProblem(
                putRoles(adminToken, userId, List.of("USER", "SUPERUSER")),
                HttpStatus.BAD_REQUEST,
                "AUTH_UNKNOWN_ROLE");
        assertThat(OutboxEvents.ofTypeAndSubject(db, RolesGranted.TYPE, userId.toString()))
                .isEmpty();
    }

    @Test
    void anEmptyRoleListAnswers400() {
        assertProblem(
                putRoles(adminToken, register(client, aUniqueEmail()), List.of()),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    @Test
    void theLocationOfARegistrationIsTheAccountAsAdminsReadIt() {
        String email = aUniqueEmail();
        String location = client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", AuthFixtures.PASSWORD, "displayName", "Bo"))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();

        client.get()
                .uri(location)
                .headers(h -> h.setBearerAuth(adminToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(email)
                .jsonPath("$.displayName")
                .isEqualTo("Bo")
                .jsonPath("$.roles")
                .isEqualTo(List.of("USER"))
                .jsonPath("$.passwordHash")
                .doesNotExist();
    }

    @Test
    void readingAnAccountIsForAdminsOnlyAndAnUnknownOneIs404() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String userToken = login(client, email).accessToken();

        assertProblem(
                client.get()
                        .uri("/api/auth/admin/users/{id}", userId)
                        .headers(h -> h.setBearerAuth(userToken))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "AUTH_FORBIDDEN");
        assertProblem(
                client.get()
                        .uri("/api/auth/admin/users/{id}", UUID.randomUUID())
                        .headers(h -> h.setBearerAuth(adminToken))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "AUTH_USER_NOT_FOUND");
    }

    private WebTestClient.ResponseSpec putRoles(String token, UUID userId, List<String> roles) {
        return client.put()
                .uri("/api/auth/admin/users/{id}/roles", userId)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", roles))
                .exchange();
    }
}
