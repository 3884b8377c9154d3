package io.mita.auth.mfa;

import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.mfa.domain.RecoveryCodes;
import io.mita.auth.mfa.domain.Totp;
import io.mita.auth.secret.OpaqueToken;
import io.mita.auth.session.SecondFactor;
import io.mita.common.logging.LogContext;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * TOTP as the second step of a login. The challenge's MFA token (32 random bytes, stored as SHA-256) lives
 * {@code mita.auth.mfa.challenge-ttl} and dies after {@code max-attempts} wrong codes; every wrong code also
 * counts as a failed login for the account's lockout (5 → 30 min), and a locked account's codes are not
 * checked. A code is a current TOTP code (±1 step, each step accepted once) or an unused recovery code.
 */
@Component
class TotpSecondFactor implements SecondFactor {

    private static final Logger log = LoggerFactory.getLogger(TotpSecondFactor.class);

    private final MfaRepository store;
    private final UserAccountRepository accounts;
    private final MfaSecrets secrets;
    private final AccountLockout lockout;
    private final MfaProperties properties;
    private final TransactionalOperator transaction;
    private final Clock clock;

    TotpSecondFactor(
            MfaRepository store,
            UserAccountRepository accounts,
            MfaSecrets secrets,
            AccountLockout lockout,
            MfaProperties properties,
            TransactionalOperator transaction,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.secrets = secrets;
        this.lockout = lockout;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> isEnabled(UUID userId) {
        return store.isConfirmed(userId);
    }

    @Override
    public Mono<Challenge> challenge(UUID userId) {
        OpaqueToken token = OpaqueToken.generate();
        Instant now = clock.instant();
        return store.openChallenge(UUID.randomUUID(), userId, token.hash(), now.plus(properties.challengeTtl()), now)
                .thenReturn(new Challenge(token.value(), properties.challengeTtl()));
    }

    @Override
    public Mono<UUID> verify(String mfaToken, String code) {
        Instant now = clock.instant();
        return store.usableChallenge(OpaqueToken.hashOf(mfaToken), now, properties.maxAttempts())
                .switchIfEmpty(Mono.error(MfaTokenInvalidException::new))
                .flatMap(challenge -> accounts.findById(challenge.userId())
                        .filter(account -> !lockout.isLocked(account))
                        .switchIfEmpty(Mono.error(AccountLockedException::new))
                        .thenReturn(challenge))
                .flatMap(challenge -> store.enrolment(challenge.userId())
                        .filter(MfaRepository.Enrolment::confirmed)
                        // turned off since the first step: the password was checked, the second factor is gone
                        .switchIfEmpty(Mono.error(MfaTokenInvalidException::new))
                        .flatMap(enrolment -> accepts(enrolment, code, now))
                        .flatMap(accepted -> accepted ? spend(challenge, now) : refuse(challenge)));
    }

    private Mono<Boolean> accepts(MfaRepository.Enrolment enrolment, String code, Instant now) {
        UUID userId = enrolment.userId();
        byte[] secret = secrets.open(userId, enrolment.iv(), enrolment.secretEncrypted());
        String typed = code == null ? "" : code.strip();
        OptionalLong step = Totp.matchingStep(secret, typed, now, enrolment.lastUsedStep());
        if (step.isPresent()) {
            return store.useStep(userId, step.getAsLong());
        }
        String recovery = RecoveryCodes.normalise(typed);
        if (recovery == null) {
            return Mono.just(false);
        }
        return store.useRecoveryCode(userId, secrets.recoveryCodeHash(userId, recovery), now)
                .doOnEach(LogContext.onNext(used -> {
                    if (used) {
                        log.info("A recovery code of user {} was used for a login", userId);
                    }
                }));
    }

    private Mono<UUID> spend(MfaRepository.Challenge challenge, Instant now) {
        return store.spendChallenge(challenge.id(), now)
                .flatMap(spent -> spent ? Mono.just(challenge.userId()) : Mono.error(new MfaTokenInvalidException()));
    }

    /** Counts the wrong code on the challenge and the account's lockout, commits, then answers. */
    private Mono<UUID> refuse(MfaRepository.Challenge challenge) {
        return store.countFailure(challenge.id())
                .then(lockout.loginFailed(challenge.userId()))
                .as(transaction::transactional)
                .flatMap(locked ->
                        Mono.<UUID>error(locked ? new AccountLockedException() : MfaCodeInvalidException.atLogin()));
    }
}
