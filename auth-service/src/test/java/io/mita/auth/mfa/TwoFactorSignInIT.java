package io.mita.auth.mfa;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.AuthFixtures;
import io.mita.auth.AuthFixtures.Tokens;
import io.mita.auth.OutboxEvents;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Instant;
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

/** Two-factor sign-in over HTTP on PostgreSQL, driven by an authenticator app computed in the test. */
@MitaIntegrationTest
class TwoFactorSignInIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    record Enrolment(String otpauthUri) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    record MfaRequired(String code, String mfaToken, long mfaTokenExpiresIn) {}

    @Test
    void enrolConfirmSignInWithACodeOrARecoveryCodeAndTurnItOff() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String access = login(client, email).accessToken();

        Enrolment enrolment = post("/api/auth/mfa/totp", access, Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Enrolment.class)
                .returnResult()
                .getResponseBody();
        assertThat(enrolment.otpauthUri())
                .startsWith("otpauth://totp/MITA:")
                .contains("secret=")
                .contains("issuer=MITA")
                .contains("digits=6")
                .contains("period=30");
        AuthenticatorApp app = new AuthenticatorApp(enrolment.otpauthUri());
        assertThat(db.sql("SELECT count(*) AS n FROM user_mfa WHERE user_id = :u AND confirmed_at IS NULL")
                        .bind("u", userId)
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isOne();

        assertProblem(
                post("/api/auth/mfa/totp/confirm", access, Map.of("code", "000000")),
                HttpStatus.BAD_REQUEST,
                "AUTH_MFA_CODE_INVALID");
        RecoveryCodes recovery = post("/api/auth/mfa/totp/confirm", access, Map.of("code", app.code(Instant.now(), 0)))
                .expectStatus()
                .isOk()
                .expectBody(RecoveryCodes.class)
                .returnResult()
                .getResponseBody();
        assertThat(recovery.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(OutboxEvents.ofTypeAndSubject(db, MfaEnabled.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.actorId()).isEqualTo(userId.toString()));
        assertThat(db.sql("SELECT code_hash FROM mfa_recovery_code WHERE user_id = :u")
                        .bind("u", userId)
                        .map(r -> r.get("code_hash", String.class))
                        .all()
                        .collectList()
                        .block())
                .hasSize(10)
                .noneMatch(hash ->
                        recovery.recoveryCodes().stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
        assertProblem(post("/api/auth/mfa/totp", access, Map.of()), HttpStatus.CONFLICT, "AUTH_MFA_ALREADY_ENABLED");

        // the password alone no longer signs in
        MfaRequired first = mfaRequired(email);
        assertThat(first.mfaTokenExpiresIn()).isEqualTo(300);
        assertProblem(secondStep(first.mfaToken(), "123456"), HttpStatus.UNAUTHORIZED, "AUTH_MFA_CODE_INVALID");
        // the confirming code's step is spent; the next step's code is within the accepted window
        Tokens tokens = secondStep(first.mfaToken(), app.code(Instant.now(), 1))
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();
        assertThat(me(client, tokens.accessToken()).userId()).isEqualTo(userId);
        assertProblem(
                secondStep(first.mfaToken(), app.code(Instant.now(), 0)),
                HttpStatus.UNAUTHORIZED,
                "AUTH_MFA_TOKEN_INVALID");

        // a lost phone: a recovery code signs in once
        String recoveryCode = recovery.recoveryCodes().get(3);
        secondStep(mfaRequired(email).mfaToken(), recoveryCode.toUpperCase())
                .expectStatus()
                .isOk();
        assertProblem(
                secondStep(mfaRequired(email).mfaToken(), recoveryCode),
                HttpStatus.UNAUTHORIZED,
                "AUTH_MFA_CODE_INVALID");

        // off, with the password again
        assertProblem(
                post("/api/auth/mfa/totp/disable", tokens.accessToken(), Map.of("password", "not my password")),
                HttpStatus.BAD_REQUEST,
                "AUTH_CURRENT_PASSWORD_INVALID");
        post("/api/auth/mfa/totp/disable", tokens.accessToken(), Map.of("password", PASSWORD))
                .expectStatus()
                .isNoContent();
        assertThat(OutboxEvents.ofTypeAndSubject(db, MfaDisabled.TYPE, userId.toString()))
                .hasSize(1);
        assertThat(login(client, email).accessToken()).isNotBlank();
        assertProblem(
                post("/api/auth/mfa/totp/disable", tokens.accessToken(), Map.of("password", PASSWORD)),
                HttpStatus.CONFLICT,
                "AUTH_MFA_NOT_ENABLED");
    }

    @Test
    void wrongSecondStepCodesLockTheAccountLikeWrongPasswords() {
        String email = aUniqueEmail();
        register(client, email);
        String access = login(client, email).accessToken();
        AuthenticatorApp app = enrolled(access).app();

        String mfaToken = mfaRequired(email).mfaToken();
        for (int i = 1; i < 5; i++) {
            assertProblem(secondStep(mfaToken, "000000"), HttpStatus.UNAUTHORIZED, "AUTH_MFA_CODE_INVALID");
        }
        assertProblem(secondStep(mfaToken, "000000"), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");
        assertProblem(
                secondStep(mfaToken, app.code(Instant.now(), 1)), HttpStatus.UNAUTHORIZED, "AUTH_MFA_TOKEN_INVALID");
        assertProblem(
                client.post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", PASSWORD))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_ACCOUNT_LOCKED");
    }

    @Test
    void newRecoveryCodesNeedThePasswordAndACurrentCodeAndReplaceTheOldOnes() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String access = login(client, email).accessToken();
        assertProblem(
                post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD, "code", "123456")),
                HttpStatus.CONFLICT,
                "AUTH_MFA_NOT_ENABLED");
        Enrolled enrolled = enrolled(access);
        AuthenticatorApp app = enrolled.app();
        List<String> old = enrolled.recoveryCodes();

        assertProblem(
                post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD)),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
        String code = app.code(Instant.now(), 1);
        assertProblem(
                post("/api/auth/mfa/recovery-codes", access, Map.of("password", "not my password", "code", code)),
                HttpStatus.BAD_REQUEST,
                "AUTH_CURRENT_PASSWORD_INVALID");
        assertProblem(
                post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD, "code", old.get(0))),
                HttpStatus.BAD_REQUEST,
                "AUTH_MFA_CODE_INVALID");
        List<String> renewed = post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD, "code", code))
                .expectStatus()
                .isOk()
                .expectBody(RecoveryCodes.class)
                .returnResult()
                .getResponseBody()
                .recoveryCodes();
        assertThat(renewed).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(old);
        assertProblem(
                post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD, "code", code)),
                HttpStatus.BAD_REQUEST,
                "AUTH_MFA_CODE_INVALID");
        assertThat(OutboxEvents.ofTypeAndSubject(db, RecoveryCodesRegenerated.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.actorId()).isEqualTo(userId.toString()));

        assertProblem(
                secondStep(mfaRequired(email).mfaToken(), old.get(1)),
                HttpStatus.UNAUTHORIZED,
                "AUTH_MFA_CODE_INVALID");
        secondStep(mfaRequired(email).mfaToken(), renewed.get(1)).expectStatus().isOk();
        assertProblem(
                client.post()
                        .uri("/api/auth/mfa/recovery-codes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("password", PASSWORD, "code", code))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void wrongCodesForNewRecoveryCodesLockTheAccountLikeWrongPasswords() {
        String email = aUniqueEmail();
        register(client, email);
        String access = login(client, email).accessToken();
        AuthenticatorApp app = enrolled(access).app();

        for (int i = 1; i < 5; i++) {
            assertProblem(
                    post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD, "code", "000000")),
                    HttpStatus.BAD_REQUEST,
                    "AUTH_MFA_CODE_INVALID");
        }
        assertProblem(
                post("/api/auth/mfa/recovery-codes", access, Map.of("password", PASSWORD, "code", "000000")),
                HttpStatus.UNAUTHORIZED,
                "AUTH_ACCOUNT_LOCKED");
        assertProblem(
                post(
                        "/api/auth/mfa/recovery-codes",
                        access,
                        Map.of("password", PASSWORD, "code", app.code(Instant.now(), 1))),
                HttpStatus.UNAUTHORIZED,
                "AUTH_ACCOUNT_LOCKED");
    }

    @Test
    void confirmingWithoutAnEnrolmentAndUnknownMfaTokensAreRefused() {
        String email = aUniqueEmail();
        register(client, email);
        String access = login(client, email).accessToken();

        assertProblem(
                post("/api/auth/mfa/totp/confirm", access, Map.of("code", "123456")),
                HttpStatus.CONFLICT,
                "AUTH_MFA_NOT_ENROLLING");
        assertProblem(
                secondStep("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "123456"),
                HttpStatus.UNAUTHORIZED,
                "AUTH_MFA_TOKEN_INVALID");
        assertProblem(
                client.post().uri("/api/auth/mfa/totp").exchange(), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
    }

    /** Two-factor sign-in turned on: the authenticator and the ten recovery codes shown at confirmation. */
    record Enrolled(AuthenticatorApp app, List<String> recoveryCodes) {}

    private Enrolled enrolled(String access) {
        Enrolment enrolment = post("/api/auth/mfa/totp", access, Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Enrolment.class)
                .returnResult()
                .getResponseBody();
        AuthenticatorApp app = new AuthenticatorApp(enrolment.otpauthUri());
        RecoveryCodes codes = post("/api/auth/mfa/totp/confirm", access, Map.of("code", app.code(Instant.now(), 0)))
                .expectStatus()
                .isOk()
                .expectBody(RecoveryCodes.class)
                .returnResult()
                .getResponseBody();
        return new Enrolled(app, codes.recoveryCodes());
    }

    private MfaRequired mfaRequired(String email) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(MfaRequired.class)
                .value(body -> assertThat(body.code()).isEqualTo("AUTH_MFA_REQUIRED"))
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec secondStep(String mfaToken, String code) {
        return client.post()
                .uri("/api/auth/login/mfa")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mfaToken", mfaToken, "code", code))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String accessToken, Map<String, String> body) {
        return client.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
