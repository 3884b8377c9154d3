package io.mita.auth.password;

import io.mita.auth.secret.AesGcmKey;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals what only notification-service may read (the e-mail address and the reset token) into the
 * {@code delivery} field of {@code mita.auth.password-reset.requested.v1}, in the format of
 * {@code docs/events/mita.auth.password-reset.requested.v1.md}: {@code v1.<iv>.<ciphertext>}, base64url
 * without padding, AES/GCM/NoPadding, 12-byte random IV, 128-bit tag, AAD = the event's requestId (UTF-8),
 * under the key {@code MITA_NOTIFICATION_DELIVERY_KEY} (base64 of 32 bytes).
 */
public final class DeliveryCipher {

    static final String VERSION = "v1";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final AesGcmKey key;

    private DeliveryCipher(AesGcmKey key) {
        this.key = key;
    }

    /** @param base64Key standard base64 of exactly 32 bytes */
    public static DeliveryCipher fromBase64(String base64Key) {
        return new DeliveryCipher(AesGcmKey.fromBase64(
                base64Key, "mita.auth.password-reset.delivery-key (MITA_NOTIFICATION_DELIVERY_KEY)"));
    }

    String seal(byte[] plaintext, String requestId) {
        try {
            AesGcmKey.Sealed sealed = key.seal(plaintext, requestId);
            return VERSION + "." + BASE64URL.encodeToString(sealed.iv()) + "."
                    + BASE64URL.encodeToString(sealed.ciphertext());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The reverse of {@link #seal}, as notification-service does it; fails on anything that does not decrypt. */
    byte[] open(String delivery, String requestId) {
        String[] parts = delivery.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + VERSION + " delivery");
        }
        try {
            return key.open(
                    Base64.getUrlDecoder().decode(parts[1]),
                    Base64.getUrlDecoder().decode(parts[2]),
                    requestId);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the delivery does not decrypt", e);
        }
    }
}
