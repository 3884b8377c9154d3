package io.mita.notification.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the {@code delivery} of {@code mita.auth.password-reset.requested.v1}:
 * {@code v1.<base64url IV>.<base64url ciphertext+tag>}, AES-256-GCM (12-byte IV, 128-bit tag) under the
 * key shared with auth-service, with the request id as associated data, so a delivery copied into
 * another event does not open. See docs/events/mita.auth.password-reset.requested.v1.md.
 */
final class DeliveryCipher {

    static final String VERSION = "v1";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final JsonMapper json;

    private DeliveryCipher(SecretKey key, JsonMapper json) {
        this.key = key;
        this.json = json;
    }

    /**
     * @param base64Key standard base64 of exactly 32 bytes
     * @throws IllegalStateException when the key is not that (the service must not start with it)
     */
    static DeliveryCipher withKey(String base64Key, JsonMapper json) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "mita.notification.delivery-key (MITA_NOTIFICATION_DELIVERY_KEY) is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "mita.notification.delivery-key (MITA_NOTIFICATION_DELIVERY_KEY) must be base64 of " + KEY_BYTES
                            + " bytes, but it decodes to " + bytes.length + " bytes");
        }
        return new DeliveryCipher(new SecretKeySpec(bytes, "AES"), json);
    }

    /** @throws UnreadableDeliveryException when the delivery does not open or holds no address and token */
    DeliveryDetails open(String delivery, UUID requestId) {
        String[] parts = delivery.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UnreadableDeliveryException("not in the " + VERSION + " format");
        }
        byte[] iv = base64Url(parts[1]);
        byte[] sealed = base64Url(parts[2]);
        if (iv.length != IV_BYTES) {
            throw new UnreadableDeliveryException("the IV is not " + IV_BYTES + " bytes");
        }
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(requestId.toString().getBytes(StandardCharsets.UTF_8));
            plaintext = cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new UnreadableDeliveryException(
                    "it does not authenticate (tampered, another key, or another request)");
        }
        return details(plaintext);
    }

    private DeliveryDetails details(byte[] plaintext) {
        DeliveryDetails details;
        try {
            details = json.readValue(plaintext, DeliveryDetails.class);
        } catch (JacksonException e) {
            // the parser's message quotes the input: never attach or repeat it
            throw new UnreadableDeliveryException("its plaintext is not the expected JSON object");
        }
        if (details == null || isBlank(details.email()) || isBlank(details.token())) {
            throw new UnreadableDeliveryException("it holds no e-mail address or no token");
        }
        return details;
    }

    private static byte[] base64Url(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new UnreadableDeliveryException("a part is not base64url");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
