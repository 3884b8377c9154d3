package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import io.mita.auth.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The cache above the codec: first load, reloads after rotations, the published set and the unknown-kid
 * throttle (one database query a second at most). Generating, sealing and parsing keys: {@link SigningKeyCodecTest}.
 */
class SigningKeysTest {

    private static final Duration TTL = Duration.ofMinutes(15);
    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final String masterKey = SigningKeyCipherTest.randomMasterKey();

    @Test
    void aFreshStoreGeneratesAnRs256Rsa3072KeyOnFirstLoadAndStoresItsPrivateHalfEncrypted() throws Exception {
        JWK key = keys(masterKey).load().block();

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key)
                .isInstanceOfSatisfying(
                        RSAKey.class, rsa -> assertThat(rsa.size()).isEqualTo(3072));
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        byte[] pkcs8 = key.toRSAKey().toRSAPrivateKey().getEncoded();
        assertThat(repository.rows).singleElement().satisfies(stored -> {
            assertThat(stored.kid()).isEqualTo(key.getKeyID());
            assertThat(stored.algorithm()).isEqualTo("RS256");
            assertThat(stored.active()).isTrue();
            assertThat(stored.publicJwk()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
            assertThat(stored.privateKeyEncrypted()).isNotEqualTo(pkcs8);
            assertThat(SigningKeyCipher.fromBase64(masterKey)
                            .decrypt(
                                    stored.kid(),
                                    new SigningKeyCipher.Sealed(stored.privateKeyEncrypted(), stored.iv())))
                    .isEqualTo(pkcs8);
        });
    }

    @Test
    void anActiveEs256KeyFromBeforeTheSwitchStillLoadsSignsAndIsPublishedBesideAnRs256One() throws Exception {
        JWK es256 = keys(masterKey, JWSAlgorithm.ES256).load().block();
        SigningKeys rs256 = keys(masterKey);

        JWK loaded = rs256.load().block();

        assertThat(loaded).as("the stored key, whatever is configured now").isInstanceOf(ECKey.class);
        assertThat(loaded.getKeyID()).isEqualTo(es256.getKeyID());
        assertThat(loaded.isPrivate()).isTrue();
        repository.retireActive(Instant.now()).block();
        repository.insert(codec(masterKey).generate()).block();
        JWK rotated = rs256.refreshActive().block();

        assertThat(rotated).isInstanceOf(RSAKey.class);
        assertThat(rs256.verificationKey(es256.getKeyID()).block()).isInstanceOf(ECKey.class);
        assertThat(rs256.publishedKeys().block().getKeys())
                .extracting(JWK::getKeyType)
                .containsExactlyInAnyOrder(KeyType.EC, KeyType.RSA);
    }

    @Test
    void aSecondLoadUsesTheStoredKeyInsteadOfMakingANewOne() {
        JWK first = keys(masterKey).load().block();
        JWK second = keys(masterKey).load().block();

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
        JWK active = keys.load().block();
        repository.rows.add(retired(
                codec(masterKey).generate(), "recently-retired", Instant.now().minus(Duration.ofMinutes(10))));
        repository.rows.add(retired(
                codec(masterKey).generate(), "long-retired", Instant.now().minus(Duration.ofHours(1))));

        JWKSet published = keys.publishedKeys().block();

        assertThat(published.getKeys())
                .extracting(k -> k.getKeyID())
                .containsExactlyInAnyOrder(active.getKeyID(), "recently-retired");
        assertThat(published.getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void findsAKeyAnotherInstanceAddedWhenAnUnknownKidArrivesButGoesToTheDatabaseAtMostOnceASecond() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        JWK active = keys.load().block();
        repository.rows.add(retired(codec(masterKey).generate(), "added-later", clock.instant()));

        assertThat(keys.verificationKey(active.getKeyID()).blockOptional()).isPresent();
        assertThat(keys.verificationKey("added-later").blockOptional())
                .as("in the second of the last load")
                .isEmpty();
        clock.advance(Duration.ofMillis(1500));
        assertThat(keys.verificationKey("added-later").blockOptional())
                .hasValueSatisfying(key -> assertThat(key.getKeyID()).isEqualTo("added-later"));
    }

    @Test
    void madeUpKeyIdsCostTheDatabaseAtMostOneQueryASecond() {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        keys.load().block();
        clock.advance(Duration.ofSeconds(5));
        int before = repository.publishedQueries();

        for (int i = 0; i < 50; i++) {
            assertThat(keys.verificationKey("made-up-" + i).blockOptional()).isEmpty();
            clock.advance(Duration.ofMillis(50));
        }

        // 2.5 s of made-up ids: the first one at once, then one per elapsed second
        assertThat(repository.publishedQueries() - before).isBetween(2, 3);
    }

    private SigningKeys keys(String master) {
        return keys(master, JWSAlgorithm.RS256);
    }

    private SigningKeys keys(String master, JWSAlgorithm algorithm) {
        return new SigningKeys(repository, SigningKeyCipher.fromBase64(master), TTL, Clock.systemUTC(), algorithm);
    }

    private static SigningKeyCodec codec(String master) {
        return new SigningKeyCodec(SigningKeyCipher.fromBase64(master), JWSAlgorithm.RS256, Clock.systemUTC());
    }

    private static StoredSigningKey retired(StoredSigningKey key, String kid, Instant retiredAt) {
        return new StoredSigningKey(
                kid,
                key.algorithm(),
                key.publicJwk().replace(key.kid(), kid),
                key.privateKeyEncrypted(),
                key.iv(),
                key.createdAt(),
                false,
                retiredAt,
                key.createdUnderDevelopmentKey());
    }

    @Test
    void anotherInstanceTakesUpARotatedKeyOnItsNextRefreshAndStillVerifiesTheOldOne() throws Exception {
        SigningKeys here = keys(masterKey);
        JWK before = here.load().block();
        SigningKeys elsewhere = keys(masterKey);
        elsewhere.load().block();
        // a rotation on the other instance
        repository.retireActive(Instant.now()).block();
        repository.insert(codec(masterKey).generate()).block();
        JWK rotated = elsewhere.refreshActive().block();

        assertThat(here.activeKey().getKeyID()).as("until it refreshes").isEqualTo(before.getKeyID());
        JWK refreshed = here.refreshActive().block();

        assertThat(rotated.getKeyID()).isNotEqualTo(before.getKeyID());
        assertThat(refreshed.getKeyID()).isEqualTo(rotated.getKeyID());
        assertThat(here.activeKey().getKeyID()).isEqualTo(rotated.getKeyID());
        assertThat(here.verificationKey(before.getKeyID()).blockOptional()).isPresent();
        assertThat(here.verificationKey(rotated.getKeyID()).blockOptional()).isPresent();
        assertThat(here.publishedKeys().block().getKeys())
                .extracting(k -> k.getKeyID())
                .containsExactlyInAnyOrder(before.getKeyID(), rotated.getKeyID());
    }

    @Test
    void aRetiredKeyStaysPublishedForTheTokenLifetimePlusTheRefreshIntervalAndClockSkew() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        JWK first = keys.load().block();
        repository.retireActive(clock.instant()).block();
        repository.insert(codec(masterKey).generate()).block();

        clock.advance(TTL.plus(SigningKeys.RELOAD_INTERVAL)
                .plus(SigningKeys.CLOCK_SKEW)
                .minusSeconds(1));
        assertThat(keys.publishedKeys().block().getKeys())
                .extracting(k -> k.getKeyID())
                .contains(first.getKeyID());
        clock.advance(Duration.ofSeconds(2));
        assertThat(keys.publishedKeys().block().getKeys())
                .extracting(k -> k.getKeyID())
                .doesNotContain(first.getKeyID());
    }

    @Test
    void aKeyMadeUnderTheDevelopmentMasterKeyIsMarkedSoAndTheProdProfileRefusesIt() {
        SigningKeys development = keys(SigningKeyCipher.DEVELOPMENT_MASTER_KEY);
        development.load().block();

        assertThat(repository.rows)
                .singleElement()
                .satisfies(row -> assertThat(row.createdUnderDevelopmentKey()).isTrue());
        assertThatThrownBy(() ->
                        keys(SigningKeyCipher.DEVELOPMENT_MASTER_KEY).load(true).block())
                .isInstanceOf(DevelopmentSigningKeyException.class)
                .hasMessageContaining(repository.rows.get(0).kid())
                .hasMessageContaining("MITA_AUTH_MASTER_KEY");
    }

    @Test
    void aKeyStoredUnmarkedIsMarkedWhenItDecryptsUnderTheDevelopmentKey() throws Exception {
        SigningKeys development = keys(SigningKeyCipher.DEVELOPMENT_MASTER_KEY);
        StoredSigningKey generated =
                codec(SigningKeyCipher.DEVELOPMENT_MASTER_KEY).generate();
        repository
                .insert(new StoredSigningKey(
                        generated.kid(),
                        generated.algorithm(),
                        generated.publicJwk(),
                        generated.privateKeyEncrypted(),
                        generated.iv(),
                        generated.createdAt(),
                        true,
                        null,
                        false))
                .block();

        development.load().block();

        assertThat(repository.rows)
                .singleElement()
                .satisfies(row -> assertThat(row.createdUnderDevelopmentKey()).isTrue());
    }

    @Test
    void theProdProfileAcceptsAKeyMadeUnderARealMasterKey() {
        JWK key = keys(masterKey).load(true).block();

        assertThat(key.getKeyID()).isEqualTo(repository.rows.get(0).kid());
        assertThat(repository.rows.get(0).createdUnderDevelopmentKey()).isFalse();
    }

    @Test
    void aRefreshThatReadAnOlderActiveKeyNeverReplacesANewerOne() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        SigningKeyCodec codec = new SigningKeyCodec(SigningKeyCipher.fromBase64(masterKey), JWSAlgorithm.RS256, clock);
        StoredSigningKey older = codec.generate();
        clock.advance(Duration.ofSeconds(1));
        StoredSigningKey newer = codec.generate();
        repository.insert(newer).block();
        keys.load().block();
        // what a refresh racing a second rotation may read: the first rotation's key, active a moment ago
        repository.retireActive(clock.instant()).block();
        repository.insert(older).block();

        assertThat(keys.refreshActive().block().getKeyID()).isEqualTo(newer.kid());
        assertThat(keys.activeKey().getKeyID()).isEqualTo(newer.kid());
    }
}
