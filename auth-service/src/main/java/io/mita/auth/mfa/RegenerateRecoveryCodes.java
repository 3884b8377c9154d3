package io.mita.auth.mfa;

import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.mfa.domain.Totp;
import io.mita.auth.password.PasswordConfirmation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A signed-in user with two-factor sign-in on replaces their ten recovery codes (all used, or seen by someone
 * else) after proving both factors again: the password ({@link PasswordConfirmation}: a wrong one counts as a
 * failed login) and a current TOTP code (±1 step, each step once, like at login; a wrong or replayed one counts as
 * a failed login too, so a stolen access token plus a known password gives no unlimited guesses). A recovery code
 * is not accepted here: whoever lost the authenticator signs in with one, turns two-factor sign-in off and enrols
 * again. The old codes stop working in the same transaction that stores the new ones and writes
 * {@code mita.auth.mfa.recovery-codes-regenerated.v1}.
 */
@Service
class RegenerateRecoveryCodes {

    private final MfaRepository store;
    private final MfaSecrets secrets;
    private final RecoveryCodeIssuer issuer;
    private final PasswordConfirmation passwords;
    private final AccountLockout lockout;
    private final MfaPublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    RegenerateRecoveryCodes(
            MfaRepository store,
            MfaSecrets secrets,
            RecoveryCodeIssuer issuer,
            PasswordConfirmation passwords,
            AccountLockout lockout,
            MfaPublisher events,
            TransactionalOperator transaction,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.issuer = issuer;
        this.passwords = passwords;
        this.lockout = lockout;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The ten new codes, shown once. */
    Mono<List<String>> regenerate(UUID userId, String password, String code) {
        return passwords
                .confirm(userId, password)
                .then(store.enrolment(userId))
                .filter(MfaRepository.Enrolment::confirmed)
                .switchIfEmpty(Mono.error(MfaStateException::notEnabled))
                .flatMap(enrolment -> {
                    Instant now = clock.instant();
                    byte[] secret = secrets.open(userId, enrolment.iv(), enrolment.secretEncrypted());
                    OptionalLong step =
                            Totp.matchingStep(secret, code == null ? "" : code.strip(), now, enrolment.lastUsedStep());
                    if (step.isEmpty()) {
                        return refuse(userId);
                    }
                    return store.useStep(userId, step.getAsLong())
                            .flatMap(fresh -> fresh
                                    ? issuer.issue(userId)
                                            .flatMap(codes -> events.recoveryCodesRegenerated(userId, now)
                                                    .thenReturn(codes))
                                    : Mono.<List<String>>empty())
                            .as(transaction::transactional)
                            // the step was spent by a concurrent request in between: a replayed code
                            .switchIfEmpty(Mono.defer(() -> refuse(userId)));
                });
    }

    /** Counts the wrong code as a failed login, commits, then answers. */
    private Mono<List<String>> refuse(UUID userId) {
        return lockout.loginFailed(userId)
                .as(transaction::transactional)
                .flatMap(locked -> Mono.<List<String>>error(
                        locked ? new AccountLockedException() : MfaCodeInvalidException.forSignedInUser()));
    }
}
