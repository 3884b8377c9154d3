package io.mita.auth.password;

import io.mita.auth.account.NewPasswordCheck;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserNotFoundException;
import io.mita.auth.account.domain.PersonalDetails;
import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.password.hashing.PasswordHasher;
import io.mita.auth.session.SessionService;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A signed-in user replaces their password, proving the current one. A wrong current password counts as a
 * failed login (lockout), so a stolen access token is no way to guess the password. Success ends every
 * session of the user and spends their outstanding reset tokens.
 */
@Service
class ChangePassword {

    private final UserAccountRepository accounts;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordHasher hasher;
    private final NewPasswordCheck newPasswords;
    private final AccountLockout lockout;
    private final SessionService sessions;
    private final PasswordPublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    ChangePassword(
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

    Mono<Void> change(UUID userId, String currentPassword, String newPassword) {
        return accounts.findById(userId)
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)))
                .flatMap(account -> {
                    if (lockout.isLocked(account)) {
                        return Mono.error(new AccountLockedException());
                    }
                    // a weak new password is refused before the current one is checked (no lockout count)
                    return newPasswords
                            .check(newPassword, new PersonalDetails(account.email(), account.displayName()))
                            .then(hasher.matches(currentPassword, account.passwordHash()))
                            .flatMap(matches -> matches ? replace(account, newPassword) : refuse(account));
                });
    }

    private Mono<Void> refuse(UserAccount account) {
        // commit the count first, then answer
        return lockout.loginFailed(account.id())
                .as(transaction::transactional)
                .flatMap(locked -> Mono.<Void>error(
                        locked ? new AccountLockedException() : new CurrentPasswordInvalidException()));
    }

    private Mono<Void> replace(UserAccount account, String newPassword) {
        UUID userId = account.id();
        return hasher.hash(newPassword)
                .flatMap(passwordHash -> lockout.loginSucceeded(userId)
                        .flatMap(
                                allowed -> allowed ? Mono.just(passwordHash) : Mono.error(new AccountLockedException()))
                        .flatMap(hash -> accounts.updatePasswordHash(userId, hash))
                        .then(resetTokens.invalidateAllOf(userId, clock.instant()))
                        .then(sessions.revokeAll(userId))
                        .flatMap(revoked -> events.changed(userId, PasswordChanged.CHANGE, revoked))
                        .as(transaction::transactional))
                .then();
    }
}
