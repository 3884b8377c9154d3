package io.mita.auth.session;

import java.util.UUID;

/**
 * {@code mita.auth.login.failed.v1}: a login for an existing account was refused (only then: an unknown
 * e-mail has no subject and produces no event). Golden file: {@code docs/events/mita.auth.login.failed.v1.json}.
 *
 * @param reason why, e.g. {@value #WRONG_PASSWORD}
 */
public record LoginFailed(UUID userId, String reason) {

    public static final String TYPE = "mita.auth.login.failed.v1";
    public static final String WRONG_PASSWORD = "WRONG_PASSWORD";
}
