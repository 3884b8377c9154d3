package io.mita.auth.mfa;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.mfa.disabled.v1}: the user turned two-factor sign-in off (after re-authenticating).
 * Golden file: {@code docs/events/mita.auth.mfa.disabled.v1.json}.
 */
public record MfaDisabled(UUID userId, Instant at) {

    public static final String TYPE = "mita.auth.mfa.disabled.v1";
}
