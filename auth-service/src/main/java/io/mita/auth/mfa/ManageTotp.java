package io.mita.auth.mfa;

import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserNotFoundException;
import io.mita.auth.mfa.domain.Base32;
import io.mita.auth.mfa.domain.Totp;
import io.mita.auth.password.PasswordConfirmation;
import io.mita.auth.secret.AesGcmKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A signed-in user turns two-factor sign-in on (enrol: a new secret, shown once as an {@code otpauth://} URI;
 * confirm: the first code proves the app has it, and ten recovery codes are shown once) and off (with their
 * password: re-authentication).
 */
@Service
class ManageTotp {

    static final int SECRET_BYTES = 20;

    private final MfaRepository store;
    private final MfaSecrets secrets;
    private final RecoveryCodeIssuer recoveryCodes;
    private final UserAccountRepository accounts;
    private final PasswordConfirmation passwords;
    private final MfaPublisher events;
    private final MfaProperties properties;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ManageTotp(
            MfaRepository store,
            MfaSecrets secrets,
            RecoveryCodeIssuer recoveryCodes,
            UserAccountRepository accounts,
            PasswordConfirmation passwords,
            MfaPublisher events,
            MfaProperties properties,
            TransactionalOperator transaction,
            Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A new secret waiting for its first code (a waiting one is replaced); answers the {@code otpauth://} URI. */
    Mono<String> enrol(UUID userId) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        AesGcmKey.Sealed sealed = secrets.seal(userId, secret);
        return accounts.findById(userId)
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)))
                .flatMap(account -> store.startEnrolment(userId, sealed.ciphertext(), sealed.iv(), clock.instant())
                        .flatMap(started -> started
                                ? Mono.just(otpauthUri(account.email(), secret))
                                : Mono.error(MfaStateException.alreadyEnabled())));
    }

    /** Confirms the waiting enrolment with a code of it; answers the ten recovery codes (shown once). */
    Mono<List<String>> confirm(UUID userId, String code) {
        Instant now = clock.instant();
        return store.enrolment(userId)
                .switchIfEmpty(Mono.error(MfaStateException::notEnrolling))
                .flatMap(enrolment -> {
                    if (enrolment.confirmed()) {
                        return Mono.error(MfaStateException.alreadyEnabled());
                    }
                    byte[] secret = secrets.open(userId, enrolment.iv(), enrolment.secretEncrypted());
                    OptionalLong step = Totp.matchingStep(secret, code == null ? "" : code.strip(), now, -1);
                    if (step.isEmpty()) {
                        return Mono.error(MfaCodeInvalidException.forSignedInUser());
                    }
                    return store.confirm(userId, step.getAsLong(), now)
                            .flatMap(confirmed -> confirmed
                                    ? recoveryCodes
                                            .issue(userId)
                                            .flatMap(codes ->
                                                    events.enabled(userId, now).thenReturn(codes))
                                    : Mono.error(MfaStateException.alreadyEnabled()))
                            .as(transaction::transactional);
                });
    }

    /** Turns two-factor sign-in off after the password is proven again. */
    Mono<Void> disable(UUID userId, String password) {
        return passwords.confirm(userId, password).flatMap(account -> {
            Instant now = clock.instant();
            return store.remove(userId)
                    .flatMap(removed ->
                            removed ? events.disabled(userId, now) : Mono.error(MfaStateException.notEnabled()))
                    .as(transaction::transactional);
        });
    }

    /** {@code otpauth://totp/MITA:ann%40example.com?secret=…&issuer=MITA&algorithm=SHA1&digits=6&period=30}. */
    private String otpauthUri(String email, byte[] secret) {
        String issuer = encode(properties.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(email) + "?secret=" + Base32.encode(secret) + "&issuer="
                + issuer + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
