package io.mita.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what only notification-service may read (the e-mail address and the reset token) into the
 * {@code delivery} field of {@code mita.auth.password-reset.requested.v1}, in the format of
 * {@code docs/events/mita.auth.password-reset.requested.v1.md}: {@code v1.<iv>.<ciphertext>}, base64url
 * without padding, AES/GCM/NoPadding, 12-byte random IV, 128-bit tag, AAD = the event's requestId (UTF-8),
 * under the key {@code MITA_NOTIFICATION_DELIVERY_KEY} (base64 of 32 bytes).
 */
public final class DeliveryCipher {

    /** The development key of the format document: public, so the prod profile refuses it. */
    public static final String DEVELOPMENT_KEY = "I9ng6ikFYMyi+JXiHPambOeu8gJL53pIdtHYqlGUa30=";
    static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private DeliveryCipher(SecretKey key) {
        this.key = key;
    }

    /** @param base64Key standard base64 of exactly 32 bytes */
    public static DeliveryCipher fromBase64(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "mita.auth.password-reset.delivery-key (MITA_NOTIFICATION_DELIVERY_KEY) is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("mita.auth.password-reset.delivery-key (MITA_NOTIFICATION_DELIVERY_KEY) must be"
                    + " base64 of " + KEY_BYTES + " bytes, but it decodes to " + bytes.length + " bytes");
        }
        return new DeliveryCipher(new SecretKeySpec(bytes, "AES"));
    }

    String seal(byte[] plaintext, String requestId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(requestId.getBytes(StandardCharsets.UTF_8));
            return VERSION + "." + BASE64URL.encodeToString(iv) + "." + BASE64URL.encodeToString(cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
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
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getUrlDecoder().decode(parts[1])));
            cipher.updateAAD(requestId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the delivery does not decrypt", e);
        }
    }
}
