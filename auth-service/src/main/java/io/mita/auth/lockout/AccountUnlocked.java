package io.mita.auth.lockout;

import java.util.UUID;

/**
 * {@code mita.auth.account.unlocked.v1}: a recorded lock was cleared. Golden file:
 * {@code docs/events/mita.auth.account.unlocked.v1.json}.
 *
 * @param reason     {@value #EXPIRED} (the lock had ended; written at the next login attempt),
 *                   {@value #ADMIN} or {@value #PASSWORD_RESET}
 * @param unlockedBy the administrator, for {@value #ADMIN}; otherwise null
 */
public record AccountUnlocked(UUID userId, String reason, UUID unlockedBy) {

    public static final String TYPE = "mita.auth.account.unlocked.v1";
    public static final String EXPIRED = "EXPIRED";
    public static final String ADMIN = "ADMIN";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
}
