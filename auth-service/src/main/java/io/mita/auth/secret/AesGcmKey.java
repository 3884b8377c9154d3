package io.mita.auth.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key from configuration and the one way auth-service encrypts with it: AES/GCM/NoPadding, a
 * fresh random 96-bit IV per encryption, a 128-bit tag, and associated data (UTF-8) that binds the
 * ciphertext to where it belongs. Used for the signing keys at rest and the password-reset delivery.
 */
public final class AesGcmKey {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private AesGcmKey(SecretKey key) {
        this.key = key;
    }

    /**
     * @param base64Key standard base64 of exactly 32 bytes
     * @param setting   the setting it came from, named in the error that stops the startup
     */
    public static AesGcmKey fromBase64(String base64Key, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must be base64 of " + KEY_BYTES + " bytes, but it decodes to "
                    + bytes.length + " bytes");
        }
        return new AesGcmKey(new SecretKeySpec(bytes, "AES"));
    }

    /** Whether this is the key the given base64 names (e.g. a public development key). */
    public boolean isKey(String base64Key) {
        return MessageDigest.isEqual(key.getEncoded(), Base64.getDecoder().decode(base64Key.strip()));
    }

    public Sealed seal(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            return new Sealed(
                    iv, cipher(Cipher.ENCRYPT_MODE, iv, associatedData).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws GeneralSecurityException when the key, the IV or the associated data is not the one sealed with */
    public byte[] open(byte[] iv, byte[] ciphertext, String associatedData) throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, iv, associatedData).doFinal(ciphertext);
    }

    private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A ciphertext (with its GCM tag) and the IV it was made with. */
    public record Sealed(byte[] iv, byte[] ciphertext) {}
}
