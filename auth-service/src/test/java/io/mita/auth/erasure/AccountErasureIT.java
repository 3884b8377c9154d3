package io.mita.auth.erasure;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.loginAsBootstrapAdmin;
import static io.mita.auth.AuthFixtures.refresh;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.AuthFixtures;
import io.mita.auth.AuthFixtures.Tokens;
import io.mita.auth.OutboxEvents;
import io.mita.testsupport.MitaIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Account deletion over HTTP on PostgreSQL: re-authentication, the rows that go, the event that says so. */
@MitaIntegrationTest
class AccountErasureIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void aUserDeletesTheirAccountWithTheirPasswordAndEveryRowOfItGoes() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        Tokens tokens = login(client, email);

        assertProblem(
                eraseOwn(tokens.accessToken(), "not my password at all"),
                HttpStatus.BAD_REQUEST,
                "AUTH_CURRENT_PASSWORD_INVALID");
        assertThat(count("SELECT count(*) AS n FROM user_account WHERE id = :u", userId))
                .isOne();

        eraseOwn(tokens.accessToken(), PASSWORD).expectStatus().isNoContent();

        for (String table : new String[] {
            "user_account WHERE id",
            "user_role WHERE user_id",
            "refresh_token WHERE user_id",
            "user_session WHERE user_id",
            "password_reset_token WHERE user_id",
            "user_mfa WHERE user_id"
        }) {
            assertThat(count("SELECT count(*) AS n FROM " + table + " = :u", userId))
                    .as(table)
                    .isZero();
        }
        assertThat(OutboxEvents.ofTypeAndSubject(db, UserErased.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(userId.toString());
                    assertThat(event.data()).contains("\"erasedBy\": \"SELF\"").doesNotContain(email);
                });
        assertProblem(refresh(client, tokens.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertProblem(
                client.post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", PASSWORD))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_INVALID_CREDENTIALS");
        // the address is free again
        register(client, email);
    }

    @Test
    void thePasswordMayComeInAHeaderAndIsRequired() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String access = login(client, email).accessToken();

        assertProblem(
                client.delete()
                        .uri("/api/auth/me")
                        .headers(h -> h.setBearerAuth(access))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "AUTH_REAUTHENTICATION_REQUIRED");
        client.delete()
                .uri("/api/auth/me")
                .headers(h -> {
                    h.setBearerAuth(access);
                    h.set("X-Current-Password", PASSWORD);
                })
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(count("SELECT count(*) AS n FROM user_account WHERE id = :u", userId))
                .isZero();
    }

    @Test
    void anAdministratorDeletesAnAccountAndOnlyAnAdministrator() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String userAccess = login(client, email).accessToken();
        String adminAccess = loginAsBootstrapAdmin(client).accessToken();
        UUID admin = AuthFixtures.me(client, adminAccess).userId();

        assertProblem(
                client.delete()
                        .uri("/api/auth/admin/users/{id}", userId)
                        .headers(h -> h.setBearerAuth(userAccess))
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "AUTH_FORBIDDEN");
        client.delete()
                .uri("/api/auth/admin/users/{id}", userId)
                .headers(h -> h.setBearerAuth(adminAccess))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(OutboxEvents.ofTypeAndSubject(db, UserErased.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(admin.toString());
                    assertThat(event.data()).contains("\"erasedBy\": \"ADMIN\"");
                });
        assertProblem(
                client.delete()
                        .uri("/api/auth/admin/users/{id}", userId)
                        .headers(h -> h.setBearerAuth(adminAccess))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "AUTH_USER_NOT_FOUND");
    }

    private WebTestClient.ResponseSpec eraseOwn(String accessToken, String password) {
        return client.method(HttpMethod.DELETE)
                .uri("/api/auth/me")
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", password))
                .exchange();
    }

    private long count(String sql, UUID userId) {
        return db.sql(sql)
                .bind("u", userId)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}
