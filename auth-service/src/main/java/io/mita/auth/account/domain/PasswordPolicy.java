package io.mita.auth.account.domain;

import java.util.Optional;

/**
 * What a new password must satisfy, following NIST SP 800-63B (length over composition rules, no
 * truncation, no commonly used passwords): between {@value #MIN_LENGTH} and {@value #MAX_LENGTH}
 * characters (Unicode code points, so an emoji or an accented letter counts once), and not one of the
 * {@link CommonPasswords} (whatever its case).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final String TOO_COMMON = "is one of the 10,000 most common passwords";

    private PasswordPolicy() {}

    /** Why the password is not acceptable (length first, then commonness), or empty when it is. */
    public static Optional<String> violation(String password) {
        Optional<String> length = lengthViolation(password);
        if (length.isPresent()) {
            return length;
        }
        return isTooCommon(password) ? Optional.of(TOO_COMMON) : Optional.empty();
    }

    /** The length rule alone (what request validation checks; commonness has its own problem code). */
    public static Optional<String> lengthViolation(String password) {
        if (password == null) {
            return Optional.of("must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
        }
        return Optional.empty();
    }

    public static boolean isTooCommon(String password) {
        return CommonPasswords.contains(password);
    }

    public static boolean isAcceptable(String password) {
        return violation(password).isEmpty();
    }
}
