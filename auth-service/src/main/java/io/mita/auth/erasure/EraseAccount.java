package io.mita.auth.erasure;

import io.mita.auth.account.UserNotFoundException;
import io.mita.auth.password.PasswordConfirmation;
import io.mita.common.logging.LogContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Account deletion (GDPR Art. 17): by the user after proving their password again, or by an administrator. In
 * one transaction auth-service's rows are deleted and {@code mita.auth.user.erased.v1} is written; the other
 * services react to the event. Access tokens already issued stay valid until they expire (at most the
 * access-token lifetime), but no refresh works any more.
 */
@Service
class EraseAccount {

    private static final Logger log = LoggerFactory.getLogger(EraseAccount.class);

    private final ErasedAccounts accounts;
    private final PasswordConfirmation passwords;
    private final ErasurePublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    EraseAccount(
            ErasedAccounts accounts,
            PasswordConfirmation passwords,
            ErasurePublisher events,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<Void> eraseOwn(UUID userId, String password) {
        return passwords.confirm(userId, password).then(erase(userId, UserErased.SELF, userId));
    }

    Mono<Void> eraseByAdministrator(UUID userId, UUID administrator) {
        return erase(userId, UserErased.ADMIN, administrator);
    }

    private Mono<Void> erase(UUID userId, String erasedBy, UUID actor) {
        Instant now = clock.instant();
        return accounts.erase(userId)
                .flatMap(existed -> existed
                        ? events.erased(userId, now, erasedBy, actor)
                        : Mono.error(new UserNotFoundException(userId)))
                .as(transaction::transactional)
                .doOnEach(LogContext.onComplete(() -> log.info("Erased account {} ({})", userId, erasedBy)));
    }
}
