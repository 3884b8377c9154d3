package io.mita.auth.session;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** {@link SessionService} over in-memory refresh tokens, for unit tests of other packages. */
public final class SessionFixtures {

    private SessionFixtures() {}

    public static SessionService inMemorySessions(RecordingOutbox outbox, Clock clock) {
        return new SessionService(
                new InMemoryRefreshTokens(),
                new FakeAccessTokens(),
                new SessionPublisher(outbox),
                new InlineTransactions(),
                properties(),
                sessionProperties(),
                clock);
    }

    /** A retry within 10 seconds answers the same successor; a session lasts 90 days at most. */
    public static SessionProperties sessionProperties() {
        return new SessionProperties(Duration.ofSeconds(10), Duration.ofDays(90), java.util.List.of("127.0.0.1/32"));
    }

    /** Access tokens for 15 minutes, refresh tokens for 30 days. */
    public static AuthProperties properties() {
        return new AuthProperties(
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                "unused",
                AuthProperties.SigningAlgorithm.RS256,
                new AuthProperties.PasswordHashing(1),
                new AuthProperties.BootstrapAdmin("admin@mita.local", "unused"));
    }

    /** No account has a second factor. */
    public static SecondFactor noSecondFactor() {
        return new SecondFactor() {
            @Override
            public reactor.core.publisher.Mono<Boolean> isEnabled(UUID userId) {
                return reactor.core.publisher.Mono.just(false);
            }

            @Override
            public reactor.core.publisher.Mono<Challenge> challenge(UUID userId) {
                return reactor.core.publisher.Mono.error(new IllegalStateException("no second factor"));
            }

            @Override
            public reactor.core.publisher.Mono<UUID> verify(String mfaToken, String code) {
                return reactor.core.publisher.Mono.error(new IllegalStateException("no second factor"));
            }
        };
    }

    /** Opens a session (as a login does); answers its refresh token. */
    public static String openSession(SessionService sessions, UUID userId) {
        return sessions.open(userId).block().refreshToken().value();
    }

    /** Whether a refresh with this token still works. */
    public static boolean refreshes(SessionService sessions, String refreshToken) {
        return sessions.refresh(refreshToken)
                .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                .blockOptional()
                .isPresent();
    }
}
