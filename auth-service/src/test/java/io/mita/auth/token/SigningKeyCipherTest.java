package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyCipherTest {

    private static final byte[] SECRET = "the private half of a key".getBytes(StandardCharsets.UTF_8);

    @Test
    void decryptsWhatItEncryptedUnderTheSameMasterKey() {
        String masterKey = randomMasterKey();
        SigningKeyCipher.Sealed sealed = SigningKeyCipher.fromBase64(masterKey).encrypt("kid-1", SECRET);

        assertThat(sealed.ciphertext()).isNotEqualTo(SECRET);
        assertThat(sealed.iv()).hasSize(12);
        assertThat(SigningKeyCipher.fromBase64(masterKey).decrypt("kid-1", sealed))
                .isEqualTo(SECRET);
    }

    @Test
    void refusesToDecryptUnderAnotherMasterKey() {
        SigningKeyCipher.Sealed sealed =
                SigningKeyCipher.fromBase64(randomMasterKey()).encrypt("kid-1", SECRET);

        assertThatThrownBy(() -> SigningKeyCipher.fromBase64(randomMasterKey()).decrypt("kid-1", sealed))
                .isInstanceOf(SigningKeyDecryptionException.class)
                .hasMessageContaining("kid-1")
                .hasMessageContaining("MITA_AUTH_MASTER_KEY");
    }

    @Test
    void aCiphertextMovedToAnotherKeyIdDoesNotDecrypt() {
        SigningKeyCipher cipher = SigningKeyCipher.fromBase64(randomMasterKey());
        SigningKeyCipher.Sealed sealed = cipher.encrypt("kid-1", SECRET);

        assertThatThrownBy(() -> cipher.decrypt("kid-2", sealed)).isInstanceOf(SigningKeyDecryptionException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        SigningKeyCipher cipher = SigningKeyCipher.fromBase64(randomMasterKey());
        SigningKeyCipher.Sealed sealed = cipher.encrypt("kid-1", SECRET);
        sealed.ciphertext()[0] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("kid-1", sealed)).isInstanceOf(SigningKeyDecryptionException.class);
    }

    @Test
    void usesAFreshNonceForEveryEncryption() {
        SigningKeyCipher cipher = SigningKeyCipher.fromBase64(randomMasterKey());

        assertThat(cipher.encrypt("kid-1", SECRET).iv())
                .isNotEqualTo(cipher.encrypt("kid-1", SECRET).iv());
    }

    @Test
    void refusesAMasterKeyThatIsNot256Bits() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SigningKeyCipher.fromBase64(sixteenBytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(sixteenBytes);
        assertThatThrownBy(() -> SigningKeyCipher.fromBase64("not base64 at all!"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64");
    }

    static String randomMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
