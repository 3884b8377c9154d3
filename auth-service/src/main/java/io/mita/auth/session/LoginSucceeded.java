package io.mita.auth.session;

import java.util.UUID;

/**
 * {@code mita.auth.login.succeeded.v1}: a user logged in and a session (refresh-token family) began.
 * Golden file: {@code docs/events/mita.auth.login.succeeded.v1.json}.
 */
public record LoginSucceeded(UUID userId, UUID sessionId) {

    public static final String TYPE = "mita.auth.login.succeeded.v1";
}
