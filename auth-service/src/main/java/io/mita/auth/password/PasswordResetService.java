package io.mita.auth.password;

import io.mita.auth.secret.OpaqueToken;
import io.mita.auth.account.PasswordHasher;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.domain.EmailAddress;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.lockout.AccountUnlocked;
import io.mita.auth.session.SessionService;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password reset by e-mail. A request for an existing account stores the hash of a fresh single-use token
 * (valid {@code mita.auth.password-reset.token-ttl}) and publishes {@link PasswordResetRequested} with the
 * e-mail address and the token sealed for notification-service; a request for an unknown address does
 * nothing, and both answer alike. Confirming spends the token, sets the new password, clears a lockout,
 * spends the user's other reset tokens and ends every session.
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
    private final DeliveryCipher cipher;
    private final JsonMapper json;
    private final Duration tokenTtl;
    private final Clock clock;

    PasswordResetService(UserAccountRepository accounts, PasswordResetTokenRepository resetTokens, PasswordHasher hasher,
            AccountLockout lockout, SessionService sessions, OutboxWriter outbox, TransactionalOperator transaction,
            PasswordResetProperties properties, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.resetTokens = resetTokens;
        this.hasher = hasher;
        this.lockout = lockout;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transaction = transaction;
        this.cipher = DeliveryCipher.fromBase64(properties.deliveryKey());
        this.json = json;
        this.tokenTtl = properties.tokenTtl();
        this.clock = clock;
    }

    /** Completes alike whether or not an account has this e-mail. */
    Mono<Void> request(String email) {
        return accounts.findByEmail(EmailAddress.normalise(email)).flatMap(this::issue).then();
    }

    private Mono<UUID> issue(UserAccount account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenTtl).truncatedTo(ChronoUnit.SECONDS);
        OpaqueToken token = OpaqueToken.generate();
        UUID requestId = UUID.randomUUID();
        String delivery = cipher.seal(
                json.writeValueAsBytes(new Delivery(account.email(), token.value(), account.displayName())),
                requestId.toString());
        String userId = account.id().toString();
        // unauthenticated: whoever asked is unknown, so the event has no actor
        return resetTokens.insert(account.id(), requestId, token.hash(), expiresAt, now)
                .then(outbox.append(new OutgoingEvent(PasswordResetRequested.TYPE, userId,
                        new PasswordResetRequested(account.id(), requestId, expiresAt, delivery)), null))
                .as(transaction::transactional);
    }

    Mono<Void> confirm(String token, String newPassword) {
        String tokenHash = OpaqueToken.hashOf(token);
        // a token that cannot work costs no Argon2 work
        return resetTokens.findUsable(tokenHash, clock.instant())
                .switchIfEmpty(Mono.error(ResetTokenInvalidException::new))
                .then(hasher.hashNew(newPassword))
                .flatMap(passwordHash -> resetTokens.consume(tokenHash, clock.instant())
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
                .flatMap(revoked -> outbox.append(new OutgoingEvent(PasswordChanged.TYPE, userId.toString(),
                        new PasswordChanged(userId, PasswordChanged.RESET, revoked)), userId.toString()));
    }

    /** The sealed part of the event: what the e-mail needs and nobody else may read. */
    record Delivery(String email, String token, String displayName) {

        @Override
        public String toString() {
            return "Delivery[<redacted>]";
        }
    }
}
