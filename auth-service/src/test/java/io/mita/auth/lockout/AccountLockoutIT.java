package io.mita.auth.lockout;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.loginAsBootstrapAdmin;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.UnknownAccountAttemptCounts;
import io.mita.auth.account.UnknownAccountAttempts;
import io.mita.auth.session.LoginFailed;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
class AccountLockoutIT {

    private static final String WRONG = "not the right password";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LockoutProperties lockout;

    @LocalServerPort
    int port;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void fiveConsecutiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        assertThat(lockout.maxFailures()).isEqualTo(5);
        assertThat(lockout.duration()).isEqualTo(Duration.ofMinutes(30));

        for (int i = 1; i < 5; i++) {
            assertProblem(attempt(email, WRONG), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");
        }
        assertProblem(attempt(email, WRONG), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");
        assertProblem(attempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");

        Instant lockedUntil = lockedUntil(userId);
        assertThat(lockedUntil)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(29)),
                        Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountLocked.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isNull();
                    assertThat(event.data()).contains("\"failedAttempts\": 5");
                });
        List<OutboxEvents.Row> failures = OutboxEvents.ofTypeAndSubject(db, LoginFailed.TYPE, userId.toString());
        assertThat(failures).hasSize(6);
        assertThat(failures.get(5).data()).contains(LoginFailed.ACCOUNT_LOCKED);
        assertThat(failures.subList(0, 5))
                .allSatisfy(event -> assertThat(event.data()).contains(LoginFailed.WRONG_PASSWORD));
    }

    @Test
    void aDeviceHoldingAValidRefreshTokenKeepsItsSessionWhileSomebodyElseLocksTheAccount() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        AuthFixtures.Tokens phone = login(client, email);

        for (int i = 0; i < 5; i++) {
            attempt(email, WRONG);
        }
        assertProblem(attempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");

        AuthFixtures.Tokens refreshed = AuthFixtures.refresh(client, phone.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(AuthFixtures.Tokens.class)
                .returnResult()
                .getResponseBody();
        assertThat(me(client, refreshed.accessToken()).userId()).isEqualTo(userId);
        assertThat(lockedUntil(userId)).as("still locked for new logins").isAfter(Instant.now());
    }

    @Test
    void aSuccessResetsTheCountSoOnlyConsecutiveFailuresLock() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);

        for (int i = 0; i < 4; i++) {
            assertProblem(attempt(email, WRONG), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");
        }
        login(client, email);
        assertThat(failedAttempts(userId)).isZero();
        for (int i = 0; i < 4; i++) {
            assertProblem(attempt(email, WRONG), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");
        }

        assertThat(me(client, login(client, email).accessToken()).userId()).isEqualTo(userId);
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountLocked.TYPE, userId.toString()))
                .isEmpty();
    }

    @Test
    void theLockEndsByItselfAndTheNextLoginRecordsTheUnlock() {
        String email = aUniqueEmail();
        UUID userId = lockedAccount(email);
        db.sql("UPDATE user_account SET locked_until = now() - interval '1 second' WHERE id = :id")
                .bind("id", userId)
                .then()
                .block();

        assertThat(me(client, login(client, email).accessToken()).userId()).isEqualTo(userId);

        assertThat(lockedUntil(userId)).isNull();
        assertThat(failedAttempts(userId)).isZero();
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountUnlocked.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data())
                        .contains(AccountUnlocked.EXPIRED)
                        .contains("\"unlockedBy\": null"));
    }

    @Test
    void afterAnEndedLockTheCountStartsAgain() {
        String email = aUniqueEmail();
        UUID userId = lockedAccount(email);
        db.sql("UPDATE user_account SET locked_until = now() - interval '1 second' WHERE id = :id")
                .bind("id", userId)
                .then()
                .block();

        assertProblem(attempt(email, WRONG), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");

        assertThat(failedAttempts(userId)).isEqualTo(1);
        assertThat(lockedUntil(userId)).isNull();
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountUnlocked.TYPE, userId.toString()))
                .hasSize(1);
    }

    @Test
    void anUnknownEmailNeverLocksWritesNoEventAndIsOnlyCountedForTheDay() {
        String email = aUniqueEmail();
        long lockedBefore = OutboxEvents.countOfType(db, AccountLocked.TYPE);
        long failedBefore = OutboxEvents.countOfType(db, LoginFailed.TYPE);
        long countedBefore = UnknownAccountAttemptCounts.total(db, UnknownAccountAttempts.Kind.LOGIN);
        double meteredBefore = unknownLoginsMetered();

        for (int i = 0; i < 6; i++) {
            assertProblem(attempt(email, WRONG), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");
        }

        assertThat(OutboxEvents.countOfType(db, AccountLocked.TYPE)).isEqualTo(lockedBefore);
        assertThat(OutboxEvents.countOfType(db, LoginFailed.TYPE)).isEqualTo(failedBefore);
        assertThat(UnknownAccountAttemptCounts.total(db, UnknownAccountAttempts.Kind.LOGIN))
                .isEqualTo(countedBefore + 6);
        assertThat(unknownLoginsMetered()).isEqualTo(meteredBefore + 6);
        assertThat(UnknownAccountAttemptCounts.rowsContaining(db, email.substring(0, email.indexOf('@'))))
                .isZero();
    }

    private double unknownLoginsMetered() {
        return meters.get("mita.auth.unknown.account.attempts")
                .tag("kind", "LOGIN")
                .counter()
                .count();
    }

    @Test
    void concurrentFailuresAreAllCountedAndLockExactlyOnce() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        WebClient web = WebClient.create("http://localhost:" + port);

        List<String> codes = Flux.range(0, 8)
                .flatMap(i -> web.post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", WRONG))
                        .exchangeToMono(response -> response.bodyToMono(Map.class))
                        .map(body -> String.valueOf(body.get("code"))))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(codes).hasSize(8).containsOnly("AUTH_INVALID_CREDENTIALS", "AUTH_ACCOUNT_LOCKED");
        assertThat(codes).filteredOn("AUTH_INVALID_CREDENTIALS"::equals).hasSize(4);
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountLocked.TYPE, userId.toString()))
                .hasSize(1);
        assertThat(lockedUntil(userId)).isAfter(Instant.now());
    }

    @Test
    void anAdminUnlocksALockedAccount() {
        String email = aUniqueEmail();
        UUID userId = lockedAccount(email);
        String adminToken = loginAsBootstrapAdmin(client).accessToken();
        UUID adminId = me(client, adminToken).userId();

        unlock(adminToken, userId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.userId")
                .isEqualTo(userId.toString())
                .jsonPath("$.wasLocked")
                .isEqualTo(true);

        assertThat(me(client, login(client, email).accessToken()).userId()).isEqualTo(userId);
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountUnlocked.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(adminId.toString());
                    assertThat(event.data()).contains(AccountUnlocked.ADMIN).contains(adminId.toString());
                });
        // nothing to unlock any more: no second event
        unlock(adminToken, userId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.wasLocked")
                .isEqualTo(false);
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountUnlocked.TYPE, userId.toString()))
                .hasSize(1);
    }

    @Test
    void onlyAnAdminUnlocksAndAnUnknownAccountIs404() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String userToken = login(client, email).accessToken();
        String adminToken = loginAsBootstrapAdmin(client).accessToken();

        assertProblem(unlock(userToken, userId), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        assertProblem(
                client.post().uri("/api/auth/admin/users/{id}/unlock", userId).exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
        assertProblem(unlock(adminToken, UUID.randomUUID()), HttpStatus.NOT_FOUND, "AUTH_USER_NOT_FOUND");
    }

    private UUID lockedAccount(String email) {
        UUID userId = register(client, email);
        for (int i = 0; i < 5; i++) {
            attempt(email, WRONG).expectStatus().isUnauthorized();
        }
        assertProblem(attempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");
        return userId;
    }

    private WebTestClient.ResponseSpec attempt(String email, String password) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec unlock(String token, UUID userId) {
        return client.post()
                .uri("/api/auth/admin/users/{id}/unlock", userId)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private Instant lockedUntil(UUID userId) {
        return db.sql("SELECT locked_until FROM user_account WHERE id = :id")
                .bind("id", userId)
                .map(row -> Optional.ofNullable(row.get("locked_until", Instant.class)))
                .one()
                .block()
                .orElse(null);
    }

    private int failedAttempts(UUID userId) {
        return db.sql("SELECT failed_attempts FROM user_account WHERE id = :id")
                .bind("id", userId)
                .map(row -> row.get("failed_attempts", Integer.class))
                .one()
                .block();
    }
}
