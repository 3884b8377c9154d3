package io.mita.auth.token;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.kidOf;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.config.AuthProperties;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A database whose active key is ES256 (made before the switch to RS256): instances starting with the default
 * configuration rotate once to an RS256 key, and tokens the ES256 key signed keep verifying. Its own context
 * and database, because it rotates.
 */
@MitaIntegrationTest
@TestPropertySource(properties = "mita.test.isolated-context=signing-algorithm-migration")
class SigningAlgorithmMigrationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    SigningKeyPublisher signingKeyPublisher;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    AuthProperties properties;

    @Test
    void instancesStartingTogetherOnAnEs256KeyRotateOnceToRs256AndTheEs256TokensKeepVerifying() throws Exception {
        client = AuthFixtures.patient(client);
        // an earlier deployment: ES256 is the active key, and this instance signs with it
        SigningKeys earlier = instance(JWSAlgorithm.ES256);
        String es256Kid = rotationOf(earlier).rotate(null).block(TIMEOUT).kid();
        signingKeys.refreshActive().block(TIMEOUT);
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String es256Token = login(client, email).accessToken();
        assertThat(SignedJWT.parse(es256Token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(kidOf(es256Token)).isEqualTo(es256Kid);
        long rotationsBefore = OutboxEvents.countOfType(db, SigningKeyRotated.TYPE);

        // two instances of the new version (RS256 configured) start at the same time
        SigningKeys first = instance(JWSAlgorithm.RS256);
        SigningKeys second = instance(JWSAlgorithm.RS256);
        Mono.when(
                        SigningKeysConfiguration.startup(first, rotationOf(first), false),
                        SigningKeysConfiguration.startup(second, rotationOf(second), false))
                .block(TIMEOUT);

        StoredSigningKey active = repository.findActive().block(TIMEOUT);
        assertThat(active.algorithm()).isEqualTo("RS256");
        assertThat(OutboxEvents.countOfType(db, SigningKeyRotated.TYPE))
                .as("one rotation")
                .isEqualTo(rotationsBefore + 1);
        assertThat(OutboxEvents.ofTypeAndSubject(db, SigningKeyRotated.TYPE, active.kid()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains(es256Kid));
        assertThat(first.activeKey()).isInstanceOf(RSAKey.class);
        assertThat(first.activeKey().getKeyID()).isEqualTo(active.kid());
        assertThat(second.activeKey().getKeyID()).isEqualTo(active.kid());

        // the running instance takes the new key up; the ES256 token still verifies, new tokens are RS256
        signingKeys.refreshActive().block(TIMEOUT);
        assertThat(me(client, es256Token).userId()).isEqualTo(userId);
        String rs256Token = login(client, email).accessToken();
        assertThat(SignedJWT.parse(rs256Token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(kidOf(rs256Token)).isEqualTo(active.kid());
        assertThat(me(client, rs256Token).userId()).isEqualTo(userId);
        Map<String, JWK> published = publishedKeys();
        assertThat(published.get(es256Kid))
                .as("the ES256 key while its tokens may be valid")
                .satisfies(key -> {
                    assertThat(key.getKeyType()).isEqualTo(KeyType.EC);
                    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
                });
        assertThat(published.get(active.kid())).satisfies(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });

        // a later restart finds the configured algorithm active and rotates nothing
        SigningKeys restarted = instance(JWSAlgorithm.RS256);
        SigningKeysConfiguration.startup(restarted, rotationOf(restarted), false)
                .block(TIMEOUT);
        assertThat(restarted.activeKey().getKeyID()).isEqualTo(active.kid());
        assertThat(OutboxEvents.countOfType(db, SigningKeyRotated.TYPE)).isEqualTo(rotationsBefore + 1);
    }

    private SigningKeys instance(JWSAlgorithm algorithm) {
        return SigningKeyFixtures.anotherInstance(repository, properties, algorithm);
    }

    private SigningKeyRotation rotationOf(SigningKeys keys) {
        return SigningKeyFixtures.rotationOf(keys, repository, signingKeyPublisher, transaction);
    }

    private Map<String, JWK> publishedKeys() throws Exception {
        String body = client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JWKSet.parse(body).getKeys().stream().collect(Collectors.toMap(JWK::getKeyID, Function.identity()));
    }
}
