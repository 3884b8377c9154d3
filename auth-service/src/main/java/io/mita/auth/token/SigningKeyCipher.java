package io.mita.auth.token;

import io.mita.auth.config.AuthProperties;
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
 * Encrypts the private halves of signing keys at rest with AES-256-GCM under the master key. Every
 * encryption uses a fresh random 96-bit nonce; the key id is bound as associated data, so a ciphertext
 * copied to another row does not decrypt.
 */
final class SigningKeyCipher {

    /** The development master key in application.yml: public, so never acceptable outside a laptop. */
    static final String DEVELOPMENT_MASTER_KEY = AuthProperties.DEVELOPMENT_MASTER_KEY;
    static final int MASTER_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey masterKey;
    private final boolean developmentKey;
    private final SecureRandom random = new SecureRandom();

    private SigningKeyCipher(SecretKey masterKey, boolean developmentKey) {
        this.masterKey = masterKey;
        this.developmentKey = developmentKey;
    }

    /** @param base64MasterKey standard base64 of exactly 32 bytes */
    static SigningKeyCipher fromBase64(String base64MasterKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64MasterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mita.auth.master-key (MITA_AUTH_MASTER_KEY) is not valid base64");
        }
        if (key.length != MASTER_KEY_BYTES) {
            throw new IllegalStateException("mita.auth.master-key (MITA_AUTH_MASTER_KEY) must be base64 of "
                    + MASTER_KEY_BYTES + " bytes, but it decodes to " + key.length + " bytes");
        }
        boolean development = Arrays.equals(key, Base64.getDecoder().decode(DEVELOPMENT_MASTER_KEY));
        return new SigningKeyCipher(new SecretKeySpec(key, "AES"), development);
    }

    /** Whether this is the public development master key. */
    boolean isDevelopmentKey() {
        return developmentKey;
    }

    Sealed encrypt(String kid, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new Sealed(cipher.doFinal(plaintext), nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws SigningKeyDecryptionException when the master key is not the one the key was sealed with */
    byte[] decrypt(String kid, Sealed sealed) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new SigningKeyDecryptionException(kid, e);
        }
    }

    /** A ciphertext (with its GCM tag) and the nonce it was made with. */
    record Sealed(byte[] ciphertext, byte[] iv) {
    }
}
