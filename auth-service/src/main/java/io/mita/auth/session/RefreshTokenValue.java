package io.mita.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An opaque refresh token: 32 random bytes, base64url without padding. Only its SHA-256 hash is stored
 * (a fast hash suffices: the token has 256 bits of entropy, nobody can guess it from the hash).
 */
record RefreshTokenValue(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    static RefreshTokenValue generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new RefreshTokenValue(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the token as presented: the {@code token_hash} column. */
    static String hashOf(String presented) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    String hash() {
        return hashOf(value);
    }

    @Override
    public String toString() {
        return "RefreshTokenValue[<redacted>]";
    }
}
