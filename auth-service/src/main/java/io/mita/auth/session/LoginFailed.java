package io.mita.auth.session;

import java.util.UUID;

/**
 * {@code mita.auth.login.failed.v1}: a login for an existing account was refused (only then: an unknown
 * e-mail has no subject and produces no event). Golden file: {@code docs/events/mita.auth.login.failed.v1.json}.
 *
 * @param reason {@value #WRONG_PASSWORD}, or {@value #ACCOUNT_LOCKED} when the account was locked (the
 *               password was then not checked)
 */
public record LoginFailed(UUID userId, String reason) {

    public static final String TYPE = "mita.auth.login.failed.v1";
    public static final String WRONG_PASSWORD = "WRONG_PASSWORD";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
}
