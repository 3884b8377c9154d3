package io.mita.auth.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A random opaque token handed to a client (refresh token, password-reset token): 32 random bytes,
 * base64url without padding (43 characters). Only its SHA-256 hash is stored — a fast hash suffices,
 * since 256 bits of entropy cannot be guessed from it. Never printed.
 */
public record OpaqueToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    public static OpaqueToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new OpaqueToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Lower-case hex SHA-256 of the token as presented: what the database keeps. */
    public static String hashOf(String presented) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The token that succeeds {@code presented} in a rotation: HMAC-SHA256 under {@code key} (a server secret) of
     * the presented token, base64url. The same presented token always has the same successor, so a retried
     * request can be answered again; without the key nobody can compute it, not even from a stolen token.
     */
    public static OpaqueToken successorOf(String presented, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] successor = mac.doFinal(presented.getBytes(StandardCharsets.UTF_8));
            return new OpaqueToken(Base64.getUrlEncoder().withoutPadding().encodeToString(successor));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    public String hash() {
        return hashOf(value);
    }

    @Override
    public String toString() {
        return "OpaqueToken[<redacted>]";
    }
}
