package io.mita.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Set;

/**
 * Turns signing keys into rows of {@code signing_key} and back, with no storage, cache or framework: generates
 * a key of the configured algorithm and seals its private half (PKCS#8) under the master key, unseals a row
 * into a private JWK, and parses a row's public JWK.
 *
 * <p>New keys are of the configured algorithm ({@code mita.auth.signing-algorithm}): RS256 with RSA-3072
 * (the default) or ES256 on P-256. Stored keys of either algorithm unseal and parse whatever is configured:
 * the row's {@code algorithm} says how to read its private half.
 */
final class SigningKeyCodec {

    /** The algorithm of new keys unless configured otherwise. */
    static final JWSAlgorithm DEFAULT_ALGORITHM = JWSAlgorithm.RS256;
    /** Every algorithm a stored key may have, and so every algorithm a token of ours may be signed with. */
    static final Set<JWSAlgorithm> SUPPORTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    static final int RSA_KEY_BITS = 3072;

    private final SigningKeyCipher cipher;
    private final JWSAlgorithm algorithm;
    private final Clock clock;

    /** @param algorithm the algorithm of the keys this codec generates (RS256 or ES256) */
    SigningKeyCodec(SigningKeyCipher cipher, JWSAlgorithm algorithm, Clock clock) {
        if (!SUPPORTED_ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("Signing keys are RS256 or ES256, not " + algorithm);
        }
        this.cipher = cipher;
        this.algorithm = algorithm;
        this.clock = clock;
    }

    /** The algorithm of the keys this codec generates. */
    JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** Whether keys are sealed under the public development master key. */
    boolean sealsUnderDevelopmentKey() {
        return cipher.isDevelopmentKey();
    }

    /**
     * A new active key of the configured algorithm, created now, its private half sealed under the master key.
     * An RSA-3072 key takes a few hundred milliseconds: call it where blocking is allowed.
     */
    StoredSigningKey generate() throws JOSEException {
        JWK key;
        PrivateKey privateKey;
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            RSAKey rsa = new RSAKeyGenerator(RSA_KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(algorithm)
                    .keyIDFromThumbprint(true)
                    .generate();
            key = rsa;
            privateKey = rsa.toRSAPrivateKey();
        } else {
            ECKey ec = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(algorithm)
                    .keyIDFromThumbprint(true)
                    .generate();
            key = ec;
            privateKey = ec.toECPrivateKey();
        }
        SigningKeyCipher.Sealed sealed = cipher.encrypt(key.getKeyID(), privateKey.getEncoded());
        return new StoredSigningKey(
                key.getKeyID(),
                algorithm.getName(),
                key.toPublicJWK().toJSONString(),
                sealed.ciphertext(),
                sealed.iv(),
                clock.instant(),
                true,
                null,
                cipher.isDevelopmentKey());
    }

    /**
     * The stored key with its private half; the row's algorithm says whether that is an RSA or an EC key.
     *
     * @throws SigningKeyDecryptionException when the master key is not the one the key was sealed with
     */
    JWK unseal(StoredSigningKey stored) {
        byte[] pkcs8 =
                cipher.decrypt(stored.kid(), new SigningKeyCipher.Sealed(stored.privateKeyEncrypted(), stored.iv()));
        JWK publicKey = parsePublic(stored);
        try {
            PrivateKey privateKey = KeyFactory.getInstance(
                            publicKey.getKeyType().getValue())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (publicKey instanceof RSAKey rsa && privateKey instanceof RSAPrivateKey rsaPrivate) {
                return new RSAKey.Builder(rsa).privateKey(rsaPrivate).build();
            }
            if (publicKey instanceof ECKey ec && privateKey instanceof ECPrivateKey ecPrivate) {
                return new ECKey.Builder(ec).privateKey(ecPrivate).build();
            }
            throw new IllegalStateException("Signing key " + stored.kid() + " holds a private key of another type");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Signing key " + stored.kid() + " holds no valid " + publicKey.getKeyType() + " private key", e);
        }
    }

    /** The public JWK of a row, parsed by its type, which must be the one its {@code algorithm} column names. */
    static JWK parsePublic(StoredSigningKey stored) {
        KeyType expected = keyTypeOf(stored);
        JWK key;
        try {
            key = JWK.parse(stored.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("The public JWK of signing key " + stored.kid() + " does not parse", e);
        }
        if (!expected.equals(key.getKeyType())) {
            throw new IllegalStateException("Signing key " + stored.kid() + " is " + stored.algorithm()
                    + " but its public JWK is of type " + key.getKeyType());
        }
        return key;
    }

    private static KeyType keyTypeOf(StoredSigningKey stored) {
        JWSAlgorithm storedAlgorithm = JWSAlgorithm.parse(stored.algorithm());
        if (JWSAlgorithm.RS256.equals(storedAlgorithm)) {
            return KeyType.RSA;
        }
        if (JWSAlgorithm.ES256.equals(storedAlgorithm)) {
            return KeyType.EC;
        }
        throw new IllegalStateException(
                "Signing key " + stored.kid() + " has the unsupported algorithm " + stored.algorithm());
    }
}
