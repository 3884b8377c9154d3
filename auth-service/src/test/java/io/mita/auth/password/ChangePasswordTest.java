package io.mita.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.InlineTransactions;
import io.mita.auth.MutableClock;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.account.InMemoryUserAccounts;
import io.mita.auth.account.NewPasswordCheck;
import io.mita.auth.account.PasswordTooWeakException;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserNotFoundException;
import io.mita.auth.lockout.AccountLocked;
import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.LockoutFixtures;
import io.mita.auth.password.hashing.PasswordHasher;
import io.mita.auth.password.hashing.PasswordHashingFixtures;
import io.mita.auth.secret.OpaqueToken;
import io.mita.auth.session.SessionFixtures;
import io.mita.auth.session.SessionService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * A signed-in password change with accounts, reset tokens, lockout and sessions in memory.
 * {@code PasswordChangeIT} proves the same on PostgreSQL.
 */
class ChangePasswordTest {

    private static final String CURRENT = "the current passphrase";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryPasswordResetTokens resetTokens = new InMemoryPasswordResetTokens();
    private final PasswordHasher hasher = PasswordHashingFixtures.cheapHasher();
    private final UserAccount account =
            accounts.add("someone@example.com", hasher.hash(CURRENT).block(), null);
    private final AccountLockout lockout = LockoutFixtures.inMemoryLockout(outbox, clock, account.id());
    private final SessionService sessions = SessionFixtures.inMemorySessions(new RecordingOutbox(), clock);
    private final ChangePassword change = new ChangePassword(
            accounts,
            resetTokens,
            hasher,
            new NewPasswordCheck(),
            lockout,
            sessions,
            new PasswordPublisher(outbox),
            new InlineTransactions(),
            clock);

    @Test
    void theRightCurrentPasswordReplacesItEndsEverySessionAndSpendsOutstandingResetTokens() {
        String session = SessionFixtures.openSession(sessions, account.id());
        OpaqueToken resetToken = OpaqueToken.generate();
        resetTokens
                .insert(
                        account.id(),
                        UUID.randomUUID(),
                        resetToken.hash(),
                        clock.instant().plusSeconds(600),
                        clock.instant())
                .block();

        StepVerifier.create(change.change(account.id(), CURRENT, NEW_PASSWORD)).verifyComplete();

        assertThat(hasher.matches(
                                NEW_PASSWORD,
                                accounts.byId(account.id()).orElseThrow().passwordHash())
                        .block())
                .isTrue();
        assertThat(SessionFixtures.refreshes(sessions, session)).isFalse();
        assertThat(resetTokens.isUsable(resetToken.hash(), clock.instant())).isFalse();
        assertThat(outbox.payloads(PasswordChanged.TYPE, PasswordChanged.class))
                .containsExactly(new PasswordChanged(account.id(), PasswordChanged.CHANGE, 1));
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsAsAFailedLogin() {
        for (int i = 1; i < 5; i++) {
            StepVerifier.create(change.change(account.id(), "wrong " + i, NEW_PASSWORD))
                    .expectError(CurrentPasswordInvalidException.class)
                    .verify();
        }

        StepVerifier.create(change.change(account.id(), "wrong 5", NEW_PASSWORD))
                .expectError(AccountLockedException.class)
                .verify();
        assertThat(outbox.types()).containsExactly(AccountLocked.TYPE);
        assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo(account.passwordHash());
    }

    @Test
    void aWeakNewPasswordIsRefusedBeforeTheCurrentOneIsChecked() {
        StepVerifier.create(change.change(account.id(), "wrong", "Password123!"))
                .expectError(PasswordTooWeakException.class)
                .verify();
        assertThat(outbox.events()).as("no failed login was counted").isEmpty();
    }

    @Test
    void anAccountLockedWhenReadIsRefusedWithoutCheckingThePassword() {
        UserAccount locked = accounts.add(
                "locked@example.com", account.passwordHash(), clock.instant().plus(Duration.ofMinutes(5)));

        StepVerifier.create(change.change(locked.id(), CURRENT, NEW_PASSWORD))
                .expectError(AccountLockedException.class)
                .verify();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void anAccountThatNoLongerExistsIsUserNotFound() {
        StepVerifier.create(change.change(UUID.randomUUID(), CURRENT, NEW_PASSWORD))
                .expectError(UserNotFoundException.class)
                .verify();
    }
}
