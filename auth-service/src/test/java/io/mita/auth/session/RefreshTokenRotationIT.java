package io.mita.auth.session;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.assertTokenPair;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.refresh;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mita.auth.AuthFixtures;
import io.mita.auth.AuthFixtures.Tokens;
import io.mita.auth.OutboxEvents;
import io.mita.auth.secret.OpaqueToken;
import io.mita.common.correlation.CorrelationId;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

@MitaIntegrationTest
class RefreshTokenRotationIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void aRefreshAnswersANewPairAndSpendsThePresentedToken() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        Tokens first = login(client, email);

        Tokens second = refresh(client, first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();

        assertTokenPair(second);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(me(client, second.accessToken()).userId()).isEqualTo(userId);
        assertThat(row(first.refreshToken()).usedAt()).isNotNull();
        assertThat(row(second.refreshToken()).familyId())
                .isEqualTo(row(first.refreshToken()).familyId());
        assertThat(row(second.refreshToken()).usedAt()).isNull();
    }

    @Test
    void onlyTheHashOfARefreshTokenIsStored() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens tokens = login(client, email);

        long clear = db.sql("SELECT count(*) AS n FROM refresh_token WHERE token_hash = :value")
                .bind("value", tokens.refreshToken())
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
        assertThat(clear).isZero();
        assertThat(row(tokens.refreshToken())).isNotNull();
    }

    @Test
    void aSpentTokenPresentedAgainAfterTheGraceRevokesTheWholeFamily() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens first = login(client, email);
        Tokens otherSession = login(client, email);
        Tokens second = refresh(client, first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();
        spentLongAgo(first.refreshToken());

        assertProblem(refresh(client, first.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_REFRESH_TOKEN_REUSED");

        // the successor the legitimate client (or the thief) holds is dead too
        assertProblem(refresh(client, second.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        UUID family = row(first.refreshToken()).familyId();
        assertThat(db.sql("SELECT count(*) AS n FROM refresh_token WHERE family_id = :family AND revoked_at IS NULL")
                        .bind("family", family)
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isZero();
        // another session of the same user is not affected
        refresh(client, otherSession.refreshToken()).expectStatus().isOk();
    }

    @Test
    void theWarningAboutAReusedTokenCarriesTheRequestsCorrelationAndTraceIds() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens first = login(client, email);
        refresh(client, first.refreshToken()).expectStatus().isOk();
        spentLongAgo(first.refreshToken());
        String correlationId = "reuse-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        try (LogLines warnings = LogLines.of(SessionService.class)) {
            assertProblem(
                    client.post()
                            .uri("/api/auth/refresh")
                            .header(CorrelationId.HEADER, correlationId)
                            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("refreshToken", first.refreshToken()))
                            .exchange(),
                    HttpStatus.UNAUTHORIZED,
                    "AUTH_REFRESH_TOKEN_REUSED");

            ILoggingEvent warning = warnings.awaitOneWithCorrelationId(correlationId);
            assertThat(warning.getFormattedMessage()).startsWith("Refresh token reused: revoked session ");
            assertThat(warning.getMDCPropertyMap())
                    .containsEntry("traceId", traceId)
                    .containsKey("spanId");
        }
    }

    @Test
    void twoConcurrentRefreshesOfOneTokenRotateItOnceAndBothAnswerTheSameSuccessor() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens tokens = login(client, email);
        WebClient web = WebClient.create(baseUrl());

        List<Tokens> answers = Flux.range(0, 2)
                .flatMap(i -> web.post()
                        .uri("/api/auth/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("refreshToken", tokens.refreshToken()))
                        .retrieve()
                        .bodyToMono(Tokens.class))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).refreshToken()).isEqualTo(answers.get(1).refreshToken());
        UUID family = row(tokens.refreshToken()).familyId();
        assertThat(db.sql("SELECT count(*) AS n FROM refresh_token WHERE family_id = :family AND revoked_at IS NULL")
                        .bind("family", family)
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .as("the spent token and its one successor, neither revoked")
                .isEqualTo(2);
    }

    @Test
    void aLostAnswerRetriedWithinTheGraceGetsTheSameSuccessorAndTheSessionLivesOn() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        Tokens first = login(client, email);
        Tokens lost = refresh(client, first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();

        Tokens retried = refresh(client, first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();

        assertThat(retried.refreshToken()).isEqualTo(lost.refreshToken());
        assertThat(me(client, retried.accessToken()).userId()).isEqualTo(userId);
        refresh(client, retried.refreshToken()).expectStatus().isOk();
    }

    @Test
    void aSessionCannotBeRefreshedPastItsAbsoluteLifetime() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens tokens = login(client, email);
        RefreshToken opened = row(tokens.refreshToken());
        assertThat(Duration.between(opened.createdAt(), opened.sessionExpiresAt()))
                .isEqualTo(Duration.ofDays(90));
        assertThat(opened.expiresAt()).isEqualTo(opened.createdAt().plus(Duration.ofDays(30)));
        // the session opened 90 days ago; its token was rotated yesterday (a sliding expiry far ahead)
        db.sql("UPDATE refresh_token SET session_expires_at = now() - interval '1 second',"
                        + " expires_at = now() + interval '29 days' WHERE token_hash = :hash")
                .bind("hash", OpaqueToken.hashOf(tokens.refreshToken()))
                .then()
                .block();

        // the repository caps expires_at at session_expires_at for new tokens; a row that breaks the cap is refused too
        assertProblem(refresh(client, tokens.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
    }

    @Test
    void anUnknownTokenAnswers401() {
        assertProblem(
                refresh(client, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                HttpStatus.UNAUTHORIZED,
                "AUTH_INVALID_REFRESH_TOKEN");
    }

    @Test
    void anExpiredTokenAnswers401() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens tokens = login(client, email);
        db.sql("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .bind("hash", OpaqueToken.hashOf(tokens.refreshToken()))
                .then()
                .block();

        assertProblem(refresh(client, tokens.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
    }

    @Test
    void aMissingRefreshTokenAnswers400() {
        assertProblem(
                client.post()
                        .uri("/api/auth/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("refreshToken", " "))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    @Test
    void logoutEndsTheSessionAndRecordsIt() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        Tokens tokens = login(client, email);

        logout(tokens.refreshToken()).expectStatus().isNoContent();

        assertProblem(refresh(client, tokens.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        UUID session = row(tokens.refreshToken()).familyId();
        assertThat(OutboxEvents.ofTypeAndSubject(db, UserLoggedOut.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(userId.toString());
                    assertThat(event.data()).contains(session.toString()).doesNotContain(tokens.refreshToken());
                });
        // a second logout changes nothing and records nothing
        logout(tokens.refreshToken()).expectStatus().isNoContent();
        assertThat(OutboxEvents.ofTypeAndSubject(db, UserLoggedOut.TYPE, userId.toString()))
                .hasSize(1);
    }

    @Test
    void loggingOutWithAnUnknownTokenIsHarmless() {
        logout("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB").expectStatus().isNoContent();
    }

    @Test
    void aLogoutWithoutTokenAnswers400() {
        assertProblem(
                client.post()
                        .uri("/api/auth/logout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of())
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    private WebTestClient.ResponseSpec logout(String refreshToken) {
        return client.post()
                .uri("/api/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }

    /** Moves the token's spending out of the reuse grace (10 s), as if the copy came back a minute later. */
    private void spentLongAgo(String refreshToken) {
        db.sql("UPDATE refresh_token SET used_at = used_at - interval '1 minute' WHERE token_hash = :hash")
                .bind("hash", OpaqueToken.hashOf(refreshToken))
                .then()
                .block();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private RefreshToken row(String refreshToken) {
        return db.sql("SELECT * FROM refresh_token WHERE token_hash = :hash")
                .bind("hash", OpaqueToken.hashOf(refreshToken))
                .map(r -> new RefreshToken(
                        r.get("id", UUID.class),
                        r.get("user_id", UUID.class),
                        r.get("family_id", UUID.class),
                        r.get("token_hash", String.class),
                        r.get("expires_at", Instant.class),
                        r.get("used_at", Instant.class),
                        r.get("revoked_at", Instant.class),
                        r.get("created_at", Instant.class),
                        r.get("session_expires_at", Instant.class)))
                .one()
                .block();
    }
}
