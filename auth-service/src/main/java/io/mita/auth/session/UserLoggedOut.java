package io.mita.auth.session;

import java.util.UUID;

/**
 * {@code mita.auth.user.logged-out.v1}: a session ended; its refresh tokens are revoked.
 * Golden file: {@code docs/events/mita.auth.user.logged-out.v1.json}.
 */
public record UserLoggedOut(UUID userId, UUID sessionId) {

    public static final String TYPE = "mita.auth.user.logged-out.v1";
}
