package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static final Duration TTL = Duration.ofMinutes(15);
    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final String masterKey = SigningKeyCipherTest.randomMasterKey();

    @Test
    void generatesAnEs256KeyOnFirstLoadAndStoresItsPrivateHalfEncrypted() throws Exception {
        ECKey key = keys(masterKey).load().block();

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(repository.rows).singleElement().satisfies(stored -> {
            assertThat(stored.kid()).isEqualTo(key.getKeyID());
            assertThat(stored.active()).isTrue();
            assertThat(stored.publicJwk()).doesNotContain("\"d\"");
            assertThat(stored.privateKeyEncrypted()).isNotEqualTo(key.toECPrivateKey().getEncoded());
        });
    }

    @Test
    void aSecondLoadUsesTheStoredKeyInsteadOfMakingANewOne() {
        ECKey first = keys(masterKey).load().block();
        ECKey second = keys(masterKey).load().block();

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toJSONString()).isEqualTo(first.toJSONString());
        assertThat(repository.rows).hasSize(1);
    }

    @Test
    void loadingWithAnotherMasterKeyFails() {
        keys(masterKey).load().block();
        SigningKeys wrong = keys(SigningKeyCipherTest.randomMasterKey());

        assertThatThrownBy(() -> wrong.load().block()).isInstanceOf(SigningKeyDecryptionException.class);
    }

    @Test
    void publishesTheActiveAndRecentlyRetiredKeysButNotLongRetiredOnes() throws Exception {
        SigningKeys keys = keys(masterKey);
        ECKey active = keys.load().block();
        StoredSigningKey template = keys.generate();
        repository.rows.add(retired(template, "recently-retired", Instant.now().minus(Duration.ofMinutes(10))));
        repository.rows.add(retired(keys.generate(), "long-retired", Instant.now().minus(Duration.ofHours(1))));

        JWKSet published = keys.publishedKeys().block();

        assertThat(published.getKeys()).extracting(k -> k.getKeyID())
                .containsExactlyInAnyOrder(active.getKeyID(), "recently-retired");
        assertThat(published.getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void findsAKeyAnotherInstanceAddedWhenAnUnknownKidArrivesButAtMostEveryThirtySeconds() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        ECKey active = keys.load().block();
        repository.rows.add(retired(keys.generate(), "added-later", clock.instant()));

        assertThat(keys.verificationKey(active.getKeyID()).blockOptional()).isPresent();
        clock.advance(Duration.ofSeconds(10));
        assertThat(keys.verificationKey("added-later").blockOptional()).as("within 30 s of the last load").isEmpty();
        clock.advance(Duration.ofSeconds(25));
        assertThat(keys.verificationKey("added-later").blockOptional()).hasValueSatisfying(
                key -> assertThat(key.getKeyID()).isEqualTo("added-later"));
        assertThat(keys.verificationKey("never-existed").blockOptional()).isEmpty();
    }

    private SigningKeys keys(String master) {
        return new SigningKeys(repository, SigningKeyCipher.fromBase64(master), TTL, Clock.systemUTC());
    }

    private static StoredSigningKey retired(StoredSigningKey key, String kid, Instant retiredAt) {
        return new StoredSigningKey(kid, key.algorithm(), key.publicJwk().replace(key.kid(), kid),
                key.privateKeyEncrypted(), key.iv(), key.createdAt(), false, retiredAt);
    }
}
