package io.mita.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A password-reset token: 32 random bytes, base64url without padding (43 characters). Only its SHA-256
 * hash is stored; the token itself exists only sealed in the event and in the user's e-mail.
 */
record ResetToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    static ResetToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new ResetToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the token as presented: the {@code token_hash} column. */
    static String hashOf(String presented) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    String hash() {
        return hashOf(value);
    }

    @Override
    public String toString() {
        return "ResetToken[<redacted>]";
    }
}
