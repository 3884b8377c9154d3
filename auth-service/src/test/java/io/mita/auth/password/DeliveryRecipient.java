package io.mita.auth.password;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a {@code delivery} the way docs/events/mita.auth.password-reset.requested.v1.md describes it,
 * written from the document with plain JCA (not with the production cipher), as notification-service does.
 */
public final class DeliveryRecipient {

    private DeliveryRecipient() {}

    public static String open(String delivery, String requestId, String base64Key) throws Exception {
        String[] parts = delivery.split("\\.");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("not v1.<iv>.<ciphertext>: " + delivery);
        }
        byte[] iv = Base64.getUrlDecoder().decode(parts[1]);
        if (iv.length != 12) {
            throw new IllegalArgumentException("the IV is " + iv.length + " bytes, not 12");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, iv));
        cipher.updateAAD(requestId.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(Base64.getUrlDecoder().decode(parts[2])), StandardCharsets.UTF_8);
    }
}
