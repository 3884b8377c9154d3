package io.mita.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.InlineTransactions;
import io.mita.auth.MutableClock;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.account.InMemoryUserAccounts;
import io.mita.auth.account.NewPasswordCheck;
import io.mita.auth.account.PasswordTooWeakException;
import io.mita.auth.account.UserAccount;
import io.mita.auth.lockout.AccountLocked;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.AccountUnlocked;
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
 * Confirming a password reset with accounts, reset tokens, lockout and sessions in memory: every branch in
 * milliseconds. {@code PasswordResetIT} proves the same on PostgreSQL and Kafka.
 */
class ConfirmPasswordResetTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryPasswordResetTokens resetTokens = new InMemoryPasswordResetTokens();
    private final PasswordHasher hasher = PasswordHashingFixtures.cheapHasher();
    private final UserAccount account =
            accounts.add("someone@example.com", hasher.hash("the old one").block(), null);
    private final AccountLockout lockout = LockoutFixtures.inMemoryLockout(outbox, clock, account.id());
    private final SessionService sessions = SessionFixtures.inMemorySessions(new RecordingOutbox(), clock);
    private final ConfirmPasswordReset confirm = new ConfirmPasswordReset(
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
    void aConfirmedResetSetsThePasswordEndsEverySessionClearsTheLockAndSaysSo() {
        OpaqueToken token = issuedToken(account.id(), Duration.ofMinutes(30));
        OpaqueToken otherRequest = issuedToken(account.id(), Duration.ofMinutes(30));
        String laptop = SessionFixtures.openSession(sessions, account.id());
        String phone = SessionFixtures.openSession(sessions, account.id());
        for (int i = 0; i < 5; i++) {
            lockout.loginFailed(account.id()).block();
        }

        StepVerifier.create(confirm.confirm(token.value(), NEW_PASSWORD)).verifyComplete();

        String stored = accounts.byId(account.id()).orElseThrow().passwordHash();
        assertThat(hasher.matches(NEW_PASSWORD, stored).block()).isTrue();
        assertThat(resetTokens.isUsable(otherRequest.hash(), clock.instant()))
                .as("the user's other reset tokens are spent")
                .isFalse();
        assertThat(SessionFixtures.refreshes(sessions, laptop)).isFalse();
        assertThat(SessionFixtures.refreshes(sessions, phone)).isFalse();
        assertThat(outbox.types()).containsExactly(AccountLocked.TYPE, AccountUnlocked.TYPE, PasswordChanged.TYPE);
        assertThat(outbox.payloads(AccountUnlocked.TYPE, AccountUnlocked.class))
                .containsExactly(new AccountUnlocked(account.id(), AccountUnlocked.PASSWORD_RESET, null));
        assertThat(outbox.payloads(PasswordChanged.TYPE, PasswordChanged.class))
                .containsExactly(new PasswordChanged(account.id(), PasswordChanged.RESET, 2));
        assertThat(outbox.events().get(2).actorId()).isEqualTo(account.id().toString());
    }

    @Test
    void aTokenWorksOnce() {
        OpaqueToken token = issuedToken(account.id(), Duration.ofMinutes(30));
        confirm.confirm(token.value(), NEW_PASSWORD).block();

        StepVerifier.create(confirm.confirm(token.value(), "yet another passphrase"))
                .expectError(ResetTokenInvalidException.class)
                .verify();
        assertThat(hasher.matches(
                                NEW_PASSWORD,
                                accounts.byId(account.id()).orElseThrow().passwordHash())
                        .block())
                .isTrue();
    }

    @Test
    void anUnknownTokenIsRefusedAndChangesNothing() {
        String before = account.passwordHash();

        StepVerifier.create(confirm.confirm(OpaqueToken.generate().value(), NEW_PASSWORD))
                .expectError(ResetTokenInvalidException.class)
                .verify();

        assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo(before);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        OpaqueToken token = issuedToken(account.id(), Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(30));

        StepVerifier.create(confirm.confirm(token.value(), NEW_PASSWORD))
                .expectError(ResetTokenInvalidException.class)
                .verify();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void aTokenSpentByAConcurrentConfirmationWhileWeHashedIsRefused() {
        OpaqueToken token = issuedToken(account.id(), Duration.ofMinutes(30));
        resetTokens.spendConcurrentlyOnNextConsume();

        StepVerifier.create(confirm.confirm(token.value(), NEW_PASSWORD))
                .expectError(ResetTokenInvalidException.class)
                .verify();
        assertThat(outbox.events()).isEmpty();
        assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo(account.passwordHash());
    }

    @Test
    void aNewPasswordContainingTheAccountsEmailIsRefused() {
        OpaqueToken token = issuedToken(account.id(), Duration.ofMinutes(30));

        StepVerifier.create(confirm.confirm(token.value(), "Quartz-someone@example.com-71"))
                .expectErrorSatisfies(error -> assertThat(
                                ((PasswordTooWeakException) error).weakness().reason())
                        .isEqualTo(io.mita.auth.account.domain.PasswordWeakness.Reason.PERSONAL_INFORMATION))
                .verify();
        assertThat(resetTokens.isUsable(token.hash(), clock.instant())).isTrue();
    }

    @Test
    void aWeakNewPasswordIsRefusedAndLeavesTheTokenUsable() {
        OpaqueToken token = issuedToken(account.id(), Duration.ofMinutes(30));

        StepVerifier.create(confirm.confirm(token.value(), "qwertyuiop12"))
                .expectError(PasswordTooWeakException.class)
                .verify();

        assertThat(resetTokens.isUsable(token.hash(), clock.instant())).isTrue();
        assertThat(outbox.events()).isEmpty();
    }

    private OpaqueToken issuedToken(UUID userId, Duration ttl) {
        OpaqueToken token = OpaqueToken.generate();
        resetTokens
                .insert(userId, UUID.randomUUID(), token.hash(), clock.instant().plus(ttl), clock.instant())
                .block();
        return token;
    }
}
