package io.mita.auth.token;

/**
 * A stored signing key does not decrypt: the master key (MITA_AUTH_MASTER_KEY) differs from the one it
 * was encrypted with, or the row was altered. The service refuses to start rather than issue tokens
 * nobody can verify.
 */
class SigningKeyDecryptionException extends IllegalStateException {

    SigningKeyDecryptionException(String kid, Throwable cause) {
        super(
                "Signing key " + kid + " cannot be decrypted: is MITA_AUTH_MASTER_KEY the key it was stored with?",
                cause);
    }
}
