package io.mita.auth.lockout;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.account.locked.v1}: too many consecutive failed logins; logins are refused until
 * {@code lockedUntil}. Golden file: {@code docs/events/mita.auth.account.locked.v1.json}.
 */
public record AccountLocked(UUID userId, int failedAttempts, Instant lockedUntil) {

    public static final String TYPE = "mita.auth.account.locked.v1";
}
