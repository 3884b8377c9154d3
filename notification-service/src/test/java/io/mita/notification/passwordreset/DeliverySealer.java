package io.mita.notification.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a delivery the way auth-service does (docs/events/mita.auth.password-reset.requested.v1.md),
 * written independently of {@link DeliveryCipher} so the tests check the format, not the code against itself.
 */
final class DeliverySealer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeliverySealer() {}

    static String seal(String base64Key, UUID requestId, String plaintextJson) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(requestId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintextJson.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
            return "v1." + base64Url.encodeToString(iv) + "." + base64Url.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String plaintext(String email, String token, String displayName) {
        return "{\"email\":\"" + email + "\",\"token\":\"" + token + "\",\"displayName\":"
                + (displayName == null ? "null" : "\"" + displayName + "\"") + "}";
    }

    /** The same delivery with one bit of the ciphertext (or, with {@code inIv}, of the IV) flipped. */
    static String tamper(String delivery, boolean inIv) {
        String[] parts = delivery.split("\\.");
        int index = inIv ? 1 : 2;
        byte[] bytes = Base64.getUrlDecoder().decode(parts[index]);
        bytes[bytes.length / 2] ^= 0x01;
        parts[index] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return String.join(".", parts);
    }

    static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String randomToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
