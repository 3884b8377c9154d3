package io.mita.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.account.AccountFixtures;
import io.mita.auth.account.InMemoryUserAccounts;
import io.mita.auth.account.UnknownAccountAttempts;
import io.mita.auth.account.UserAccount;
import io.mita.auth.lockout.AccountLocked;
import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.LockoutFixtures;
import io.mita.auth.password.hashing.PasswordHasher;
import io.mita.auth.password.hashing.PasswordHashingFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Login with accounts, lockout and sessions in memory and a real (cheap) Argon2id: every answer in
 * milliseconds. {@code AuthenticationFlowIT} and {@code AccountLockoutIT} prove them on PostgreSQL.
 */
class LoginServiceTest {

    private static final String EMAIL = "someone@example.com";
    private static final String PASSWORD = "correct horse battery staple";

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final PasswordHasher hasher = PasswordHashingFixtures.cheapHasher();
    private final UserAccount account =
            accounts.add(EMAIL, hasher.hash(PASSWORD).block(), null);
    private final AccountLockout lockout = LockoutFixtures.inMemoryLockout(outbox, account.id());
    private final AccountFixtures.CountedUnknownAccountAttempts unknownAccounts =
            AccountFixtures.unknownAccountAttemptsInMemory();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final FakeAccessTokens accessTokens = new FakeAccessTokens();
    private final SessionService sessions = new SessionService(
            refreshTokens,
            accessTokens,
            new SessionPublisher(outbox),
            new InlineTransactions(),
            SessionFixtures.properties(),
            SessionFixtures.sessionProperties(),
            Clock.systemUTC());
    private final LoginService login = new LoginService(
            accounts,
            hasher,
            sessions,
            accessTokens,
            lockout,
            new SessionPublisher(outbox),
            new InlineTransactions(),
            unknownAccounts,
            SessionFixtures.noSecondFactor());

    @Test
    void theRightPasswordOpensASessionAndSaysLoginSucceededWithTheUserAsActor() {
        TokenPairResponse pair = login.login(EMAIL, PASSWORD).block();

        assertThat(pair.accessToken()).isEqualTo("access-for-" + account.id());
        RefreshToken first = refreshTokens.rows().get(0);
        assertThat(outbox.payloads(LoginSucceeded.TYPE, LoginSucceeded.class))
                .containsExactly(new LoginSucceeded(account.id(), first.familyId()));
        assertThat(outbox.events())
                .singleElement()
                .satisfies(appended ->
                        assertThat(appended.actorId()).isEqualTo(account.id().toString()));
        assertThat(sessions.refresh(pair.refreshToken()).block()).isNotNull();
    }

    @Test
    void theEmailIsMatchedWhateverItsCaseAndSurroundingBlanks() {
        assertThat(login.login("  SomeOne@Example.COM ", PASSWORD).block()).isNotNull();
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsRecordedAsLoginFailed() {
        StepVerifier.create(login.login(EMAIL, "not the right password"))
                .expectError(InvalidCredentialsException.class)
                .verify();

        assertThat(outbox.payloads(LoginFailed.TYPE, LoginFailed.class))
                .containsExactly(new LoginFailed(account.id(), LoginFailed.WRONG_PASSWORD));
        assertThat(refreshTokens.rows()).isEmpty();
        assertThat(unknownAccounts.counted()).isEmpty();
    }

    @Test
    void anUnknownEmailAnswersAsAWrongPasswordDoesAndIsOnlyCountedForTheDay() {
        StepVerifier.create(login.login("nobody@example.com", PASSWORD))
                .expectError(InvalidCredentialsException.class)
                .verify();

        assertThat(outbox.events()).isEmpty();
        assertThat(unknownAccounts.counted()).containsExactly(UnknownAccountAttempts.Kind.LOGIN);
    }

    @Test
    void theFailureThatReachesTheLimitAlreadyAnswersAccountLocked() {
        for (int i = 1; i < 5; i++) {
            StepVerifier.create(login.login(EMAIL, "wrong " + i))
                    .expectError(InvalidCredentialsException.class)
                    .verify();
        }

        StepVerifier.create(login.login(EMAIL, "wrong 5"))
                .expectError(AccountLockedException.class)
                .verify();
        assertThat(outbox.types()).filteredOn(AccountLocked.TYPE::equals).hasSize(1);
        assertThat(outbox.payloads(LoginFailed.TYPE, LoginFailed.class)).hasSize(5);
    }

    @Test
    void aLockedAccountIsRefusedEvenWithTheRightPasswordAndTheRefusalIsRecorded() {
        UserAccount locked = accounts.add(
                "locked@example.com", account.passwordHash(), Instant.now().plus(Duration.ofMinutes(10)));

        StepVerifier.create(login.login("locked@example.com", PASSWORD))
                .expectError(AccountLockedException.class)
                .verify();

        assertThat(outbox.payloads(LoginFailed.TYPE, LoginFailed.class))
                .containsExactly(new LoginFailed(locked.id(), LoginFailed.ACCOUNT_LOCKED));
        assertThat(refreshTokens.rows()).isEmpty();
    }

    @Test
    void theRightPasswordIsRefusedWhenAConcurrentFailureLockedTheAccountAfterItWasRead() {
        for (int i = 0; i < 5; i++) {
            lockout.loginFailed(account.id()).block();
        }

        StepVerifier.create(login.login(EMAIL, PASSWORD))
                .expectError(AccountLockedException.class)
                .verify();

        assertThat(outbox.payloads(LoginFailed.TYPE, LoginFailed.class))
                .containsExactly(new LoginFailed(account.id(), LoginFailed.ACCOUNT_LOCKED));
        assertThat(refreshTokens.rows()).isEmpty();
    }
}
