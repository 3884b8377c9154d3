package io.mita.auth.token;

import io.mita.auth.config.DevelopmentDefaults;
import io.mita.auth.secret.AesGcmKey;
import java.security.GeneralSecurityException;

/**
 * Encrypts the private halves of signing keys at rest with AES-256-GCM under the master key. Every
 * encryption uses a fresh random 96-bit nonce; the key id is bound as associated data, so a ciphertext
 * copied to another row does not decrypt.
 */
final class SigningKeyCipher {

    /** The development master key in application.yml: public, so never acceptable outside a laptop. */
    static final String DEVELOPMENT_MASTER_KEY = DevelopmentDefaults.MASTER_KEY;

    private final AesGcmKey masterKey;
    private final boolean developmentKey;

    private SigningKeyCipher(AesGcmKey masterKey) {
        this.masterKey = masterKey;
        this.developmentKey = masterKey.isKey(DEVELOPMENT_MASTER_KEY);
    }

    /** @param base64MasterKey standard base64 of exactly 32 bytes */
    static SigningKeyCipher fromBase64(String base64MasterKey) {
        return new SigningKeyCipher(
                AesGcmKey.fromBase64(base64MasterKey, "mita.auth.master-key (MITA_AUTH_MASTER_KEY)"));
    }

    /** Whether this is the public development master key. */
    boolean isDevelopmentKey() {
        return developmentKey;
    }

    Sealed encrypt(String kid, byte[] plaintext) {
        AesGcmKey.Sealed sealed = masterKey.seal(plaintext, kid);
        return new Sealed(sealed.ciphertext(), sealed.iv());
    }

    /** @throws SigningKeyDecryptionException when the master key is not the one the key was sealed with */
    byte[] decrypt(String kid, Sealed sealed) {
        try {
            return masterKey.open(sealed.iv(), sealed.ciphertext(), kid);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyDecryptionException(kid, e);
        }
    }

    /** A ciphertext (with its GCM tag) and the nonce it was made with. */
    record Sealed(byte[] ciphertext, byte[] iv) {}
}
