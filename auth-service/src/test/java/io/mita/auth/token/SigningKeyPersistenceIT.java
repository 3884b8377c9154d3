package io.mita.auth.token;

import static io.mita.auth.AuthFixtures.kidOf;
import static io.mita.auth.AuthFixtures.loginAsBootstrapAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.mita.auth.AuthFixtures;
import io.mita.auth.config.AuthProperties;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class SigningKeyPersistenceIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    AuthProperties properties;

    @Test
    void theJwksPublishesTheActivePublicKeyWithoutAToken() throws Exception {
        String body = client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JWKSet published = JWKSet.parse(body);
        assertThat(published.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(signingKeys.activeKey().getKeyID());
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toRSAKey().size()).isEqualTo(3072);
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
        });
        assertThat(body).doesNotContain("\"d\"");
    }

    @Test
    void accessTokensNameThePublishedKeyAndAreRs256() throws Exception {
        String token = loginAsBootstrapAdmin(AuthFixtures.patient(client)).accessToken();

        assertThat(kidOf(token)).isEqualTo(signingKeys.activeKey().getKeyID());
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(db.sql("SELECT algorithm FROM signing_key WHERE active")
                        .map(r -> r.get("algorithm", String.class))
                        .one()
                        .block())
                .isEqualTo("RS256");
    }

    @Test
    void aRestartedInstanceLoadsTheSameKeyFromTheDatabase() {
        String running = signingKeys.activeKey().getKeyID();

        SigningKeys restarted = SigningKeyFixtures.anotherInstance(repository, properties);
        JWK loaded = restarted.load().block(Duration.ofSeconds(10));

        assertThat(loaded.getKeyID()).isEqualTo(running);
        assertThat(loaded.toJSONString()).isEqualTo(signingKeys.activeKey().toJSONString());
        assertThat(db.sql("SELECT count(*) AS n FROM signing_key")
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isEqualTo(1);
    }

    @Test
    void anInstanceWithAnotherMasterKeyRefusesTheStoredKey() {
        SigningKeys misconfigured = SigningKeyFixtures.instanceWithMasterKey(
                repository, properties, SigningKeyCipherTest.randomMasterKey());

        assertThatThrownBy(() -> misconfigured.load().block(Duration.ofSeconds(10)))
                .isInstanceOf(SigningKeyDecryptionException.class);
    }

    @Test
    void theDatabaseHoldsThePrivateKeyOnlyEncrypted() throws Exception {
        byte[] pkcs8 = signingKeys.activeKey().toRSAKey().toRSAPrivateKey().getEncoded();
        byte[] stored = db.sql("SELECT private_key_encrypted FROM signing_key WHERE active")
                .map(r -> r.get("private_key_encrypted", byte[].class))
                .one()
                .block();

        assertThat(stored).isNotEqualTo(pkcs8);
        assertThat(indexOf(
                        stored,
                        signingKeys.activeKey().toRSAKey().getPrivateExponent().decode()))
                .isEqualTo(-1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
