package io.mita.auth.mfa;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.mfa.enabled.v1}: the user confirmed a TOTP authenticator; logins now need a code.
 * Golden file: {@code docs/events/mita.auth.mfa.enabled.v1.json}.
 */
public record MfaEnabled(UUID userId, Instant at) {

    public static final String TYPE = "mita.auth.mfa.enabled.v1";
}
