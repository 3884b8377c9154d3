package io.mita.auth.session;

import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The second step of a login for accounts that enabled it (TOTP, {@code io.mita.auth.mfa}): login asks whether
 * one is due and opens a challenge; the second step hands the challenge's token and a code back.
 */
public interface SecondFactor {

    /** Whether the user confirmed a second factor (a login then needs a code too). */
    Mono<Boolean> isEnabled(UUID userId);

    /** Opens a challenge for a user whose password was right; runs in the caller's transaction. */
    Mono<Challenge> challenge(UUID userId);

    /**
     * The user of the challenge when {@code code} is right (a current TOTP code or an unused recovery code), and
     * the challenge is spent. A wrong code counts as a failed login and fails with a problem of the mfa package;
     * an unknown, spent or expired challenge likewise.
     */
    Mono<UUID> verify(String mfaToken, String code);

    /** A challenge's token (never stored in clear) and how long it is valid. */
    record Challenge(String mfaToken, Duration expiresIn) {

        @Override
        public String toString() {
            return "Challenge[<redacted>, expiresIn=" + expiresIn + "]";
        }
    }
}
