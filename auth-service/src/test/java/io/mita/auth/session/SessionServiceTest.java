package io.mita.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.InlineTransactions;
import io.mita.auth.MutableClock;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.config.AuthProperties;
import io.mita.auth.secret.OpaqueToken;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Refresh-token rotation and reuse detection with the token store in memory: every branch in milliseconds.
 * {@code RefreshTokenRotationIT} proves the same on PostgreSQL, concurrent requests included.
 */
class SessionServiceTest {

    private static final Duration REFRESH_TTL = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration ABSOLUTE = Duration.ofDays(90);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens();
    private final FakeAccessTokens accessTokens = new FakeAccessTokens();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final SessionService sessions = new SessionService(
            tokens,
            accessTokens,
            new SessionPublisher(outbox),
            new InlineTransactions(),
            new AuthProperties(
                    Duration.ofMinutes(15),
                    REFRESH_TTL,
                    "unused",
                    AuthProperties.SigningAlgorithm.RS256,
                    new AuthProperties.PasswordHashing(1),
                    new AuthProperties.BootstrapAdmin("admin@mita.local", "unused")),
            new SessionProperties(GRACE, ABSOLUTE, java.util.List.of()),
            clock);
    private final UUID user = UUID.randomUUID();

    @Test
    void aRefreshSpendsThePresentedTokenAndHandsOutASuccessorInTheSameSession() {
        SessionService.OpenedSession session = sessions.open(user).block();
        clock.advance(Duration.ofMinutes(20));

        TokenPairResponse pair =
                sessions.refresh(session.refreshToken().value()).block();

        assertThat(pair.accessToken()).isEqualTo("access-for-" + user);
        assertThat(pair.refreshToken()).isNotEqualTo(session.refreshToken().value());
        RefreshToken spent = tokens.byHash(session.refreshToken().hash()).orElseThrow();
        RefreshToken successor =
                tokens.byHash(OpaqueToken.hashOf(pair.refreshToken())).orElseThrow();
        assertThat(spent.usedAt()).isEqualTo(clock.instant());
        assertThat(successor.familyId()).isEqualTo(session.sessionId()).isEqualTo(spent.familyId());
        assertThat(successor.userId()).isEqualTo(user);
        assertThat(successor.expiresAt())
                .as("every rotation starts the lifetime again")
                .isEqualTo(clock.instant().plus(REFRESH_TTL));
        assertThat(successor.usedAt()).isNull();
    }

    @Test
    void aSpentTokenPresentedAgainAfterTheGraceRevokesItsWholeSessionAndAnswersReused() {
        SessionService.OpenedSession session = sessions.open(user).block();
        TokenPairResponse legitimate =
                sessions.refresh(session.refreshToken().value()).block();
        clock.advance(GRACE);

        StepVerifier.create(sessions.refresh(session.refreshToken().value()))
                .expectError(RefreshTokenReusedException.class)
                .verify();

        assertThat(tokens.rows()).allSatisfy(row -> assertThat(row.revokedAt()).isNotNull());
        StepVerifier.create(sessions.refresh(legitimate.refreshToken()))
                .as("the legitimate client loses the session too")
                .expectError(InvalidRefreshTokenException.class)
                .verify();
        assertThat(accessTokens.issuedTo())
                .as("only the first refresh got an access token")
                .hasSize(1);
    }

    @Test
    void reuseRevokesOnlyTheSessionOfTheReusedTokenNotTheUsersOtherSessions() {
        SessionService.OpenedSession stolen = sessions.open(user).block();
        SessionService.OpenedSession otherDevice = sessions.open(user).block();
        sessions.refresh(stolen.refreshToken().value()).block();
        clock.advance(GRACE.plusSeconds(1));

        StepVerifier.create(sessions.refresh(stolen.refreshToken().value()))
                .expectError(RefreshTokenReusedException.class)
                .verify();

        StepVerifier.create(sessions.refresh(otherDevice.refreshToken().value()))
                .assertNext(pair -> assertThat(pair.accessToken()).isEqualTo("access-for-" + user))
                .verifyComplete();
    }

    @Test
    void aTokenSpentBetweenOurReadAndOurUpdateWithoutASuccessorCountsAsReuse() {
        SessionService.OpenedSession session = sessions.open(user).block();
        tokens.spendConcurrentlyOnNextMarkUsed();

        StepVerifier.create(sessions.refresh(session.refreshToken().value()))
                .expectError(RefreshTokenReusedException.class)
                .verify();

        assertThat(tokens.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.revokedAt()).isNotNull());
    }

    @Test
    void aSpentTokenPresentedAgainWithinTheGraceAnswersTheSameSuccessorAndKeepsTheSession() {
        SessionService.OpenedSession session = sessions.open(user).block();
        TokenPairResponse lost =
                sessions.refresh(session.refreshToken().value()).block();
        clock.advance(GRACE.minusSeconds(1));

        TokenPairResponse retried =
                sessions.refresh(session.refreshToken().value()).block();

        assertThat(retried.refreshToken()).isEqualTo(lost.refreshToken());
        assertThat(tokens.rows())
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.revokedAt()).isNull());
        assertThat(accessTokens.issuedTo())
                .as("each answer carries an access token")
                .hasSize(2);
        StepVerifier.create(sessions.refresh(retried.refreshToken()))
                .assertNext(pair -> assertThat(pair.refreshToken()).isNotEqualTo(retried.refreshToken()))
                .verifyComplete();
    }

    @Test
    void aSpentTokenPresentedAgainWithinTheGraceAfterItsSuccessorWasSpentRevokesTheSession() {
        SessionService.OpenedSession session = sessions.open(user).block();
        TokenPairResponse next =
                sessions.refresh(session.refreshToken().value()).block();
        sessions.refresh(next.refreshToken()).block();

        StepVerifier.create(sessions.refresh(session.refreshToken().value()))
                .as("the client that got the successor has moved on: this copy is somebody else's")
                .expectError(RefreshTokenReusedException.class)
                .verify();

        assertThat(tokens.rows())
                .hasSize(3)
                .allSatisfy(row -> assertThat(row.revokedAt()).isNotNull());
    }

    @Test
    void aRevokedSessionsSpentTokenWithinTheGraceIsStillReuse() {
        SessionService.OpenedSession session = sessions.open(user).block();
        sessions.refresh(session.refreshToken().value()).block();
        sessions.logout(session.refreshToken().value()).block();

        StepVerifier.create(sessions.refresh(session.refreshToken().value()))
                .expectError(RefreshTokenReusedException.class)
                .verify();
    }

    @Test
    void successorsDependOnThePresentedTokenAndTheServerKey() {
        String token = OpaqueToken.generate().value();
        byte[] key = "one key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] other = "another key".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(OpaqueToken.successorOf(token, key)).isEqualTo(OpaqueToken.successorOf(token, key));
        assertThat(OpaqueToken.successorOf(token, key).value())
                .matches("[A-Za-z0-9_-]{43}")
                .isNotEqualTo(OpaqueToken.successorOf(token, other).value())
                .isNotEqualTo(OpaqueToken.successorOf(OpaqueToken.generate().value(), key)
                        .value());
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
        SessionService.OpenedSession session = sessions.open(user).block();
        Instant opened = clock.instant();
        String current = session.refreshToken().value();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofDays(20));
            current = sessions.refresh(current).block().refreshToken();
        }
        RefreshToken last = tokens.byHash(OpaqueToken.hashOf(current)).orElseThrow();
        assertThat(last.expiresAt())
                .as("the sliding lifetime would end on day 110; the session ends on day 90")
                .isEqualTo(opened.plus(ABSOLUTE))
                .isEqualTo(last.sessionExpiresAt());

        clock.advance(Duration.ofDays(10));
        StepVerifier.create(sessions.refresh(current))
                .expectError(InvalidRefreshTokenException.class)
                .verify();
    }

    @Test
    void anExpiredTokenIsInvalidAndLeavesItsSessionAlone() {
        SessionService.OpenedSession session = sessions.open(user).block();
        clock.advance(REFRESH_TTL);

        StepVerifier.create(sessions.refresh(session.refreshToken().value()))
                .expectError(InvalidRefreshTokenException.class)
                .verify();

        assertThat(tokens.rows()).singleElement().satisfies(row -> {
            assertThat(row.usedAt()).isNull();
            assertThat(row.revokedAt()).isNull();
        });
    }

    @Test
    void anUnknownTokenIsInvalid() {
        StepVerifier.create(sessions.refresh(OpaqueToken.generate().value()))
                .expectError(InvalidRefreshTokenException.class)
                .verify();
        assertThat(accessTokens.issuedTo()).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndPublishesUserLoggedOutOnceWithTheUserAsActor() {
        SessionService.OpenedSession session = sessions.open(user).block();

        sessions.logout(session.refreshToken().value()).block();
        sessions.logout(session.refreshToken().value()).block();

        assertThat(outbox.payloads(UserLoggedOut.TYPE, UserLoggedOut.class))
                .containsExactly(new UserLoggedOut(user, session.sessionId()));
        assertThat(outbox.events()).singleElement().satisfies(appended -> {
            assertThat(appended.actorId()).isEqualTo(user.toString());
            assertThat(appended.event().subject()).isEqualTo(user.toString());
        });
        StepVerifier.create(sessions.refresh(session.refreshToken().value()))
                .as("a logged-out token is invalid, not reused")
                .expectError(InvalidRefreshTokenException.class)
                .verify();
    }

    @Test
    void logoutWithAnUnknownTokenChangesNothingAndIsNoError() {
        sessions.open(user).block();

        StepVerifier.create(sessions.logout(OpaqueToken.generate().value())).verifyComplete();

        assertThat(outbox.events()).isEmpty();
        assertThat(tokens.rows()).allSatisfy(row -> assertThat(row.revokedAt()).isNull());
    }

    @Test
    void revokeAllEndsEverySessionOfTheUserAndCountsTheOnesStillOpen() {
        SessionService.OpenedSession first = sessions.open(user).block();
        sessions.open(user).block();
        sessions.open(user).block();
        sessions.logout(first.refreshToken().value()).block();
        UUID someoneElse = UUID.randomUUID();
        sessions.open(someoneElse).block();

        assertThat(sessions.revokeAll(user).block()).isEqualTo(2);
        assertThat(tokens.rows())
                .filteredOn(row -> row.userId().equals(someoneElse))
                .allSatisfy(row -> assertThat(row.revokedAt()).isNull());
    }
}
