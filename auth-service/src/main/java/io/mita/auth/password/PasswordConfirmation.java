package io.mita.auth.password;

import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserNotFoundException;
import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.password.hashing.PasswordHasher;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Re-authentication before a sensitive change (turning two-factor sign-in off, deleting the account): a signed-in
 * user proves their password again. A wrong one answers {@code AUTH_CURRENT_PASSWORD_INVALID} and counts as a
 * failed login (lockout), so a stolen access token is no way to guess the password; a locked account answers
 * {@code AUTH_ACCOUNT_LOCKED} without checking it.
 */
@Component
public class PasswordConfirmation {

    private final UserAccountRepository accounts;
    private final PasswordHasher hasher;
    private final AccountLockout lockout;
    private final TransactionalOperator transaction;

    PasswordConfirmation(
            UserAccountRepository accounts,
            PasswordHasher hasher,
            AccountLockout lockout,
            TransactionalOperator transaction) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.lockout = lockout;
        this.transaction = transaction;
    }

    /** The account when {@code password} is its password. */
    public Mono<UserAccount> confirm(UUID userId, String password) {
        return accounts.findById(userId)
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)))
                .flatMap(account -> {
                    if (lockout.isLocked(account)) {
                        return Mono.error(new AccountLockedException());
                    }
                    return hasher.matches(password == null ? "" : password, account.passwordHash())
                            .flatMap(matches -> matches ? Mono.just(account) : refuse(account));
                });
    }

    private Mono<UserAccount> refuse(UserAccount account) {
        // commit the count first, then answer
        return lockout.loginFailed(account.id())
                .as(transaction::transactional)
                .flatMap(locked -> Mono.<UserAccount>error(
                        locked ? new AccountLockedException() : new CurrentPasswordInvalidException()));
    }
}
