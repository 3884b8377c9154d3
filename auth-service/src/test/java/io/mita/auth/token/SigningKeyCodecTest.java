package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.mita.auth.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Generating, sealing, unsealing and parsing signing keys: plain objects, no storage. */
class SigningKeyCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final String masterKey = SigningKeyCipherTest.randomMasterKey();
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void aNewKeyIsRs256Rsa3072NamedByItsThumbprintWithOnlyItsPrivateHalfSealed() throws Exception {
        StoredSigningKey stored = codec(masterKey, JWSAlgorithm.RS256).generate();

        JWK publicKey = SigningKeyCodec.parsePublic(stored);
        assertThat(stored.algorithm()).isEqualTo("RS256");
        assertThat(stored.active()).isTrue();
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.retiredAt()).isNull();
        assertThat(stored.kid()).isEqualTo(publicKey.computeThumbprint().toString());
        assertThat(stored.publicJwk()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
        assertThat(publicKey.isPrivate()).isFalse();
        assertThat(publicKey)
                .isInstanceOfSatisfying(
                        RSAKey.class, rsa -> assertThat(rsa.size()).isEqualTo(3072));
    }

    @Test
    void unsealingGivesBackThePrivateKeyWhoseSealedPkcs8IsInTheRow() throws Exception {
        StoredSigningKey stored = codec(masterKey, JWSAlgorithm.RS256).generate();

        JWK key = codec(masterKey, JWSAlgorithm.RS256).unseal(stored);

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(stored.kid());
        byte[] pkcs8 = key.toRSAKey().toRSAPrivateKey().getEncoded();
        assertThat(stored.privateKeyEncrypted()).isNotEqualTo(pkcs8);
        assertThat(SigningKeyCipher.fromBase64(masterKey)
                        .decrypt(stored.kid(), new SigningKeyCipher.Sealed(stored.privateKeyEncrypted(), stored.iv())))
                .isEqualTo(pkcs8);
    }

    @Test
    void configuredForEs256ItGeneratesAP256KeyThatUnseals() throws Exception {
        SigningKeyCodec es256 = codec(masterKey, JWSAlgorithm.ES256);
        StoredSigningKey stored = es256.generate();

        assertThat(stored.algorithm()).isEqualTo("ES256");
        assertThat(es256.unseal(stored)).isInstanceOfSatisfying(ECKey.class, ec -> {
            assertThat(ec.getCurve().getName()).isEqualTo("P-256");
            assertThat(ec.isPrivate()).isTrue();
        });
    }

    @Test
    void aStoredKeyOfTheOtherAlgorithmUnsealsWhateverIsConfigured() throws Exception {
        StoredSigningKey es256 = codec(masterKey, JWSAlgorithm.ES256).generate();

        assertThat(codec(masterKey, JWSAlgorithm.RS256).unseal(es256)).isInstanceOf(ECKey.class);
    }

    @Test
    void aRowWhoseAlgorithmDoesNotMatchItsKeyIsRefused() throws Exception {
        StoredSigningKey rsa = codec(masterKey, JWSAlgorithm.RS256).generate();
        StoredSigningKey mislabelled = new StoredSigningKey(
                rsa.kid(),
                "ES256",
                rsa.publicJwk(),
                rsa.privateKeyEncrypted(),
                rsa.iv(),
                rsa.createdAt(),
                true,
                null,
                false);

        assertThatThrownBy(() -> SigningKeyCodec.parsePublic(mislabelled))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(rsa.kid())
                .hasMessageContaining("ES256");
        assertThatThrownBy(() -> codec(masterKey, JWSAlgorithm.RS256).unseal(mislabelled))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyRs256AndEs256KeysAreMade() {
        assertThatThrownBy(() -> codec(masterKey, JWSAlgorithm.HS256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec(masterKey, JWSAlgorithm.PS256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeySealedUnderAnotherMasterKeyDoesNotUnseal() throws Exception {
        StoredSigningKey stored = codec(masterKey, JWSAlgorithm.RS256).generate();
        SigningKeyCodec other = codec(SigningKeyCipherTest.randomMasterKey(), JWSAlgorithm.RS256);

        assertThatThrownBy(() -> other.unseal(stored)).isInstanceOf(SigningKeyDecryptionException.class);
    }

    @Test
    void aKeySealedUnderTheDevelopmentMasterKeySaysSoInItsRow() throws Exception {
        SigningKeyCodec development = codec(SigningKeyCipher.DEVELOPMENT_MASTER_KEY, JWSAlgorithm.RS256);

        assertThat(development.sealsUnderDevelopmentKey()).isTrue();
        assertThat(development.generate().createdUnderDevelopmentKey()).isTrue();
        assertThat(codec(masterKey, JWSAlgorithm.RS256).generate().createdUnderDevelopmentKey())
                .isFalse();
    }

    private SigningKeyCodec codec(String master, JWSAlgorithm algorithm) {
        return new SigningKeyCodec(SigningKeyCipher.fromBase64(master), algorithm, clock);
    }
}
