package io.mita.auth.password;

import java.util.UUID;

/**
 * {@code mita.auth.password.changed.v1}: the user's password was replaced and all their sessions ended.
 * Golden file: {@code docs/events/mita.auth.password.changed.v1.json}.
 *
 * @param via             {@value #RESET} (with a reset token) or {@value #CHANGE} (signed in, with the
 *                        current password)
 * @param sessionsRevoked how many open sessions (refresh-token families) ended
 */
public record PasswordChanged(UUID userId, String via, long sessionsRevoked) {

    public static final String TYPE = "mita.auth.password.changed.v1";
    public static final String RESET = "RESET";
    public static final String CHANGE = "CHANGE";
}
