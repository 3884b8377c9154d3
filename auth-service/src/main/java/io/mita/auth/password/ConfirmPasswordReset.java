package io.mita.auth.password;

import io.mita.auth.account.NewPasswordCheck;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.domain.PersonalDetails;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.AccountUnlocked;
import io.mita.auth.password.hashing.PasswordHasher;
import io.mita.auth.secret.OpaqueToken;
import io.mita.auth.session.SessionService;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Confirms a password reset ({@link RequestPasswordReset} issues the token): spends the token, sets the new
 * password, clears a lockout, spends the user's other reset tokens and ends every session.
 */
@Service
class ConfirmPasswordReset {

    private final UserAccountRepository accounts;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordHasher hasher;
    private final NewPasswordCheck newPasswords;
    private final AccountLockout lockout;
    private final SessionService sessions;
    private final PasswordPublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    ConfirmPasswordReset(
            UserAccountRepository accounts,
            PasswordResetTokenRepository resetTokens,
            PasswordHasher hasher,
            NewPasswordCheck newPasswords,
            AccountLockout lockout,
            SessionService sessions,
            PasswordPublisher events,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.resetTokens = resetTokens;
        this.hasher = hasher;
        this.newPasswords = newPasswords;
        this.lockout = lockout;
        this.sessions = sessions;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<Void> confirm(String token, String newPassword) {
        String tokenHash = OpaqueToken.hashOf(token);
        // a token that cannot work costs no Argon2 work
        return resetTokens
                .findUsable(tokenHash, clock.instant())
                .switchIfEmpty(Mono.error(ResetTokenInvalidException::new))
                .flatMap(accounts::findById)
                .flatMap(account ->
                        newPasswords.check(newPassword, new PersonalDetails(account.email(), account.displayName())))
                .then(hasher.hash(newPassword))
                .flatMap(passwordHash -> resetTokens
                        .consume(tokenHash, clock.instant())
                        // spent or expired by a concurrent request since we looked
                        .switchIfEmpty(Mono.error(ResetTokenInvalidException::new))
                        .flatMap(userId -> replacePassword(userId, passwordHash))
                        .as(transaction::transactional))
                .then();
    }

    private Mono<Void> replacePassword(UUID userId, String passwordHash) {
        Instant now = clock.instant();
        return accounts.updatePasswordHash(userId, passwordHash)
                .then(resetTokens.invalidateAllOf(userId, now))
                .then(lockout.clear(userId, AccountUnlocked.PASSWORD_RESET, null))
                .then(sessions.revokeAll(userId))
                .flatMap(revoked -> events.changed(userId, PasswordChanged.RESET, revoked));
    }
}
