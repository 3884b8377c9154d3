package io.mita.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import io.mita.auth.config.AuthProperties;
import java.time.Clock;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What the signing-key ITs build beside the running service: another instance over the same database (as a
 * second replica or a restart sees it), one with another master key or algorithm, and its rotation.
 */
final class SigningKeyFixtures {

    private SigningKeyFixtures() {}

    /** Another instance configured as the service is: same master key, same lifetimes, RS256. */
    static SigningKeys anotherInstance(SigningKeyRepository repository, AuthProperties properties) {
        return anotherInstance(repository, properties, SigningKeyCodec.DEFAULT_ALGORITHM);
    }

    /** Another instance that makes keys of {@code algorithm}. */
    static SigningKeys anotherInstance(
            SigningKeyRepository repository, AuthProperties properties, JWSAlgorithm algorithm) {
        return new SigningKeys(
                repository,
                SigningKeyCipher.fromBase64(properties.masterKey()),
                properties.accessTokenTtl(),
                Clock.systemUTC(),
                algorithm);
    }

    /** Another instance whose master key is {@code masterKey} (base64), e.g. a misconfigured one. */
    static SigningKeys instanceWithMasterKey(
            SigningKeyRepository repository, AuthProperties properties, String masterKey) {
        return new SigningKeys(
                repository, SigningKeyCipher.fromBase64(masterKey), properties.accessTokenTtl(), Clock.systemUTC());
    }

    /** The rotation use case of such an instance. */
    static SigningKeyRotation rotationOf(
            SigningKeys keys,
            SigningKeyRepository repository,
            SigningKeyPublisher publisher,
            TransactionalOperator transaction) {
        return new SigningKeyRotation(keys, repository, publisher, transaction, Clock.systemUTC());
    }
}
