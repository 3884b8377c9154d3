package io.mita.auth.password;

import io.mita.auth.account.UnknownAccountAttempts;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.domain.EmailAddress;
import io.mita.auth.secret.OpaqueToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use case: someone who forgot a password asks for a reset e-mail. A request for an existing account stores the hash of a fresh single-use token (valid
 * {@code mita.auth.password-reset.token-ttl}) and publishes {@link PasswordResetRequested} with the e-mail
 * address and the token sealed for notification-service; one for an unknown address is only counted for the
 * day ({@link UnknownAccountAttempts}). Both do one committed write and answer alike.
 */
@Service
class RequestPasswordReset {

    private final UserAccountRepository accounts;
    private final PasswordResetTokenRepository resetTokens;
    private final UnknownAccountAttempts unknownAccounts;
    private final PasswordPublisher events;
    private final TransactionalOperator transaction;
    private final DeliveryCipher cipher;
    private final JsonMapper json;
    private final Duration tokenTtl;
    private final Clock clock;

    RequestPasswordReset(
            UserAccountRepository accounts,
            PasswordResetTokenRepository resetTokens,
            UnknownAccountAttempts unknownAccounts,
            PasswordPublisher events,
            TransactionalOperator transaction,
            PasswordResetProperties properties,
            JsonMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.resetTokens = resetTokens;
        this.unknownAccounts = unknownAccounts;
        this.events = events;
        this.transaction = transaction;
        this.cipher = DeliveryCipher.fromBase64(properties.deliveryKey());
        this.json = json;
        this.tokenTtl = properties.tokenTtl();
        this.clock = clock;
    }

    /** Completes alike whether or not an account has this e-mail. */
    Mono<Void> request(String email) {
        return accounts.findByEmail(EmailAddress.normalise(email))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> account.isPresent()
                        ? issue(account.get()).then()
                        : unknownAccounts.count(UnknownAccountAttempts.Kind.PASSWORD_RESET));
    }

    private Mono<Void> issue(UserAccount account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenTtl).truncatedTo(ChronoUnit.SECONDS);
        OpaqueToken token = OpaqueToken.generate();
        UUID requestId = UUID.randomUUID();
        String delivery = cipher.seal(
                json.writeValueAsBytes(new Delivery(account.email(), token.value(), account.displayName())),
                requestId.toString());
        return resetTokens
                .insert(account.id(), requestId, token.hash(), expiresAt, now)
                .then(events.resetRequested(account.id(), requestId, expiresAt, delivery))
                .as(transaction::transactional);
    }

    /** The sealed part of the event: what the e-mail needs and nobody else may read. */
    record Delivery(String email, String token, String displayName) {

        @Override
        public String toString() {
            return "Delivery[<redacted>]";
        }
    }
}
