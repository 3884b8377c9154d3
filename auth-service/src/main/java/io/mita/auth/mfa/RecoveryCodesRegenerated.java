package io.mita.auth.mfa;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.mfa.recovery-codes-regenerated.v1}: the user, after proving password and a current TOTP code,
 * got ten new recovery codes; the earlier ones no longer sign in. Golden file:
 * {@code docs/events/mita.auth.mfa.recovery-codes-regenerated.v1.json}.
 */
public record RecoveryCodesRegenerated(UUID userId, Instant at) {

    public static final String TYPE = "mita.auth.mfa.recovery-codes-regenerated.v1";
}
