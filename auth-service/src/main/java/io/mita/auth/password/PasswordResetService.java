package io.mita.auth.password;

import io.mita.auth.account.PasswordHasher;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.AccountUnlocked;
import io.mita.auth.secret.OpaqueToken;
import io.mita.auth.session.SessionService;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Confirms a password reset ({@link PasswordResetRequests} issues the token): spends the token, sets the new
 * password, clears a lockout, spends the user's other reset tokens and ends every session.
 */
@Service
class PasswordResetService {

    private final UserAccountRepository accounts;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordHasher hasher;
    private final AccountLockout lockout;
    private final SessionService sessions;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    PasswordResetService(
            UserAccountRepository accounts,
            PasswordResetTokenRepository resetTokens,
            PasswordHasher hasher,
            AccountLockout lockout,
            SessionService sessions,
            OutboxWriter outbox,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.resetTokens = resetTokens;
        this.hasher = hasher;
        this.lockout = lockout;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<Void> confirm(String token, String newPassword) {
        String tokenHash = OpaqueToken.hashOf(token);
        // a token that cannot work costs no Argon2 work
        return resetTokens
                .findUsable(tokenHash, clock.instant())
                .switchIfEmpty(Mono.error(ResetTokenInvalidException::new))
                .then(hasher.hashNew(newPassword))
                .flatMap(passwordHash -> resetTokens
                        .consume(tokenHash, clock.instant())
                        // spent or expired by a concurrent request since we looked
                        .switchIfEmpty(Mono.error(ResetTokenInvalidException::new))
                        .flatMap(userId -> replacePassword(userId, passwordHash))
                        .as(transaction::transactional))
                .then();
    }

    private Mono<UUID> replacePassword(UUID userId, String passwordHash) {
        Instant now = clock.instant();
        return accounts.updatePasswordHash(userId, passwordHash)
                .then(resetTokens.invalidateAllOf(userId, now))
                .then(lockout.clear(userId, AccountUnlocked.PASSWORD_RESET, null))
                .then(sessions.revokeAll(userId))
                .flatMap(revoked -> outbox.append(
                        new OutgoingEvent(
                                PasswordChanged.TYPE,
                                userId.toString(),
                                new PasswordChanged(userId, PasswordChanged.RESET, revoked)),
                        userId.toString()));
    }
}
