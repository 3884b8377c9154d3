package io.mita.auth.account.domain;

import java.util.Optional;

/**
 * What a new password must satisfy: between {@value #MIN_LENGTH} and {@value #MAX_LENGTH} characters
 * (Unicode code points, so an emoji or an accented letter counts once), following NIST SP 800-63B:
 * length over composition rules, no truncation.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> violation(String password) {
        if (password == null) {
            return Optional.of("must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
        }
        return Optional.empty();
    }

    public static boolean isAcceptable(String password) {
        return violation(password).isEmpty();
    }
}
