package io.mita.auth.password;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.refresh;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.account.domain.Role;
import io.mita.auth.lockout.AccountLocked;
import io.mita.auth.token.AccessTokenIssuer;
import io.mita.testsupport.MitaIntegrationTest;
import java.util.EnumSet;
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
class PasswordChangeIT {

    private static final String NEW_PASSWORD = "my next password is longer";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    AccessTokenIssuer accessTokens;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void aChangeEndsEverySessionAndOnlyTheNewPasswordWorks() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        AuthFixtures.Tokens session = login(client, email);
        AuthFixtures.Tokens otherDevice = login(client, email);

        change(session.accessToken(), PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

        assertProblem(refresh(client, session.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertProblem(
                refresh(client, otherDevice.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertProblem(loginAttempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");
        login(client, email, NEW_PASSWORD);
        assertThat(OutboxEvents.ofTypeAndSubject(db, PasswordChanged.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(userId.toString());
                    assertThat(event.data())
                            .contains(PasswordChanged.CHANGE)
                            .contains("\"sessionsRevoked\": 2")
                            .doesNotContain(NEW_PASSWORD)
                            .doesNotContain(PASSWORD);
                });
    }

    @Test
    void aWrongCurrentPasswordAnswers400AndCountsTowardsTheLock() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String token = login(client, email).accessToken();

        for (int i = 1; i < 5; i++) {
            assertProblem(
                    change(token, "not my password at all", NEW_PASSWORD),
                    HttpStatus.BAD_REQUEST,
                    "AUTH_CURRENT_PASSWORD_INVALID");
        }
        assertProblem(
                change(token, "not my password at all", NEW_PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");
        assertProblem(change(token, PASSWORD, NEW_PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");
        assertProblem(loginAttempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountLocked.TYPE, userId.toString()))
                .hasSize(1);
        assertThat(OutboxEvents.ofTypeAndSubject(db, PasswordChanged.TYPE, userId.toString()))
                .isEmpty();
    }

    @Test
    void aWeakOrShortNewPasswordIsRefusedAndTheOldOneStays() {
        String email = aUniqueEmail();
        register(client, email);
        String token = login(client, email).accessToken();

        assertProblem(change(token, PASSWORD, "qwertyuiop12"), HttpStatus.BAD_REQUEST, "AUTH_PASSWORD_TOO_WEAK");
        assertProblem(change(token, PASSWORD, "Lorikeet-" + email), HttpStatus.BAD_REQUEST, "AUTH_PASSWORD_TOO_WEAK");
        client.post()
                .uri("/api/auth/password/change")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");

        login(client, email);
    }

    @Test
    void withoutATokenTheAnswerIs401AndForAVanishedAccount404() {
        assertProblem(
                client.post()
                        .uri("/api/auth/password/change")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
        String orphan =
                accessTokens.issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value();
        assertProblem(change(orphan, PASSWORD, NEW_PASSWORD), HttpStatus.NOT_FOUND, "AUTH_USER_NOT_FOUND");
    }

    private WebTestClient.ResponseSpec change(String accessToken, String current, String next) {
        return client.post()
                .uri("/api/auth/password/change")
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange();
    }

    private WebTestClient.ResponseSpec loginAttempt(String email, String password) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }
}
