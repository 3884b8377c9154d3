package io.mita.auth.mfa;

import io.mita.auth.config.AuthProperties;
import io.mita.auth.secret.AesGcmKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The cryptography of two-factor sign-in under the master key ({@code MITA_AUTH_MASTER_KEY}): TOTP secrets are
 * sealed with AES-256-GCM (associated data {@code mfa-totp:<user id>}, so a secret cannot be moved to another
 * account), and recovery codes are stored as HMAC-SHA256 under a key derived from the master key (50-bit codes:
 * a plain hash could be reversed by brute force from a database dump, a keyed one cannot without the key).
 */
@Component
class MfaSecrets {

    private final AesGcmKey key;
    private final byte[] recoveryKey;

    MfaSecrets(AuthProperties properties) {
        this.key = AesGcmKey.fromBase64(properties.masterKey(), "MITA_AUTH_MASTER_KEY");
        this.recoveryKey = hmac(properties.masterKey().getBytes(StandardCharsets.UTF_8), "mita auth recovery-code v1");
    }

    AesGcmKey.Sealed seal(UUID userId, byte[] secret) {
        return key.seal(secret, associatedData(userId));
    }

    byte[] open(UUID userId, byte[] iv, byte[] ciphertext) {
        try {
            return key.open(iv, ciphertext, associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The TOTP secret of " + userId + " does not decrypt under the master key", e);
        }
    }

    /** The stored form of a normalised recovery code (lower-case hex). */
    String recoveryCodeHash(UUID userId, String normalisedCode) {
        return HexFormat.of().formatHex(hmac(recoveryKey, userId + ":" + normalisedCode));
    }

    private static String associatedData(UUID userId) {
        return "mfa-totp:" + userId;
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
