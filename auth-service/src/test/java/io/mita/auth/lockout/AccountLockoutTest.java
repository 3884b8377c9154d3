package io.mita.auth.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.InlineTransactions;
import io.mita.auth.MutableClock;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.account.UserNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Lockout counting, expiry and unlocking with the account's lockout columns in memory: every branch in
 * milliseconds. {@code AccountLockoutIT} proves the statements and concurrent failures on PostgreSQL.
 */
class AccountLockoutTest {

    private static final int MAX_FAILURES = 5;
    private static final Duration LOCK = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final AccountLockout lockout = new AccountLockout(
            attempts,
            new LockoutPublisher(outbox),
            new LockoutProperties(MAX_FAILURES, LOCK),
            new InlineTransactions(),
            clock);
    private final UUID user = UUID.randomUUID();

    AccountLockoutTest() {
        attempts.addAccount(user);
    }

    @Test
    void theFifthConsecutiveFailureLocksTheAccountForTheConfiguredDurationAndSaysSo() {
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertThat(lockout.loginFailed(user).block()).as("failure %d", i).isFalse();
        }
        assertThat(outbox.events()).isEmpty();

        assertThat(lockout.loginFailed(user).block()).isTrue();

        assertThat(attempts.lockedUntil(user)).isEqualTo(clock.instant().plus(LOCK));
        assertThat(outbox.payloads(AccountLocked.TYPE, AccountLocked.class))
                .containsExactly(
                        new AccountLocked(user, MAX_FAILURES, clock.instant().plus(LOCK)));
        assertThat(outbox.events()).singleElement().satisfies(appended -> {
            assertThat(appended.actorId())
                    .as("caused by failures, not by a person")
                    .isNull();
            assertThat(appended.event().subject()).isEqualTo(user.toString());
        });
    }

    @Test
    void failuresWhileLockedAreRefusedWithoutCountingOrAnotherEvent() {
        lockUp();

        assertThat(lockout.loginFailed(user).block()).isTrue();
        assertThat(lockout.loginFailed(user).block()).isTrue();

        assertThat(attempts.failedAttempts(user)).isEqualTo(MAX_FAILURES);
        assertThat(outbox.types()).containsExactly(AccountLocked.TYPE);
    }

    @Test
    void aSuccessWhileLockedIsRefusedEvenWithTheRightPassword() {
        lockUp();
        clock.advance(LOCK.minusSeconds(1));

        assertThat(lockout.loginSucceeded(user).block()).isFalse();
        assertThat(attempts.lockedUntil(user)).isNotNull();
    }

    @Test
    void aSuccessResetsTheCountSoFailuresMustBeConsecutiveToLock() {
        for (int i = 1; i < MAX_FAILURES; i++) {
            lockout.loginFailed(user).block();
        }

        assertThat(lockout.loginSucceeded(user).block()).isTrue();
        assertThat(attempts.failedAttempts(user)).isZero();
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertThat(lockout.loginFailed(user).block()).isFalse();
        }
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void theLockEndsByItselfAndTheNextSuccessRecordsThatItExpired() {
        lockUp();
        clock.advance(LOCK);

        assertThat(lockout.loginSucceeded(user).block()).isTrue();

        assertThat(outbox.payloads(AccountUnlocked.TYPE, AccountUnlocked.class))
                .containsExactly(new AccountUnlocked(user, AccountUnlocked.EXPIRED, null));
        assertThat(attempts.lockedUntil(user)).isNull();
    }

    @Test
    void afterAnExpiredLockTheCountStartsAgainAtOne() {
        lockUp();
        clock.advance(LOCK.plusSeconds(1));

        assertThat(lockout.loginFailed(user).block()).isFalse();

        assertThat(attempts.failedAttempts(user)).isEqualTo(1);
        assertThat(outbox.types()).containsExactly(AccountLocked.TYPE, AccountUnlocked.TYPE);
        assertThat(outbox.payloads(AccountUnlocked.TYPE, AccountUnlocked.class))
                .containsExactly(new AccountUnlocked(user, AccountUnlocked.EXPIRED, null));
    }

    @Test
    void anAdministratorClearsALockThatIsOnAndIsTheActorOfTheUnlock() {
        lockUp();
        UUID administrator = UUID.randomUUID();

        assertThat(lockout.unlockByAdministrator(user, administrator).block()).isTrue();

        assertThat(attempts.lockedUntil(user)).isNull();
        assertThat(attempts.failedAttempts(user)).isZero();
        assertThat(outbox.payloads(AccountUnlocked.TYPE, AccountUnlocked.class))
                .containsExactly(new AccountUnlocked(user, AccountUnlocked.ADMIN, administrator));
        assertThat(outbox.events().get(1).actorId()).isEqualTo(administrator.toString());
    }

    @Test
    void anAdministratorUnlockingAnAccountWhoseLockHadEndedRecordsItAsExpired() {
        lockUp();
        clock.advance(LOCK.plusSeconds(1));

        assertThat(lockout.unlockByAdministrator(user, UUID.randomUUID()).block())
                .isFalse();

        assertThat(outbox.payloads(AccountUnlocked.TYPE, AccountUnlocked.class))
                .containsExactly(new AccountUnlocked(user, AccountUnlocked.EXPIRED, null));
        assertThat(outbox.events().get(1).actorId()).isNull();
    }

    @Test
    void unlockingAnAccountThatWasNeverLockedChangesNothingAndPublishesNothing() {
        lockout.loginFailed(user).block();

        assertThat(lockout.unlockByAdministrator(user, UUID.randomUUID()).block())
                .isFalse();

        assertThat(attempts.failedAttempts(user)).isZero();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void aPasswordResetClearsTheLockWithTheUserAsActor() {
        lockUp();

        assertThat(lockout.clear(user, AccountUnlocked.PASSWORD_RESET, null).block())
                .isTrue();

        assertThat(outbox.payloads(AccountUnlocked.TYPE, AccountUnlocked.class))
                .containsExactly(new AccountUnlocked(user, AccountUnlocked.PASSWORD_RESET, null));
        assertThat(outbox.events().get(1).actorId()).isEqualTo(user.toString());
    }

    @Test
    void unlockingAnUnknownAccountIsUserNotFound() {
        StepVerifier.create(lockout.unlockByAdministrator(UUID.randomUUID(), UUID.randomUUID()))
                .expectError(UserNotFoundException.class)
                .verify();
    }

    private void lockUp() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            lockout.loginFailed(user).block();
        }
        assertThat(attempts.lockedUntil(user)).isNotNull();
    }
}
