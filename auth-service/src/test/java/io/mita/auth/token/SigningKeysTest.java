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
                key.privateKeyEncrypted(), key.iv(), key.createdAt(), false, retiredAt, key.createdUnderDevelopmentKey());
    }

    @Test
    void anotherInstanceTakesUpARotatedKeyOnItsNextRefreshAndStillVerifiesTheOldOne() throws Exception {
        SigningKeys here = keys(masterKey);
        ECKey before = here.load().block();
        SigningKeys elsewhere = keys(masterKey);
        elsewhere.load().block();
        // a rotation on the other instance
        repository.retireActive(Instant.now()).block();
        repository.insert(elsewhere.generate()).block();
        ECKey rotated = elsewhere.refreshActive().block();

        assertThat(here.activeKey().getKeyID()).as("until it refreshes").isEqualTo(before.getKeyID());
        ECKey refreshed = here.refreshActive().block();

        assertThat(rotated.getKeyID()).isNotEqualTo(before.getKeyID());
        assertThat(refreshed.getKeyID()).isEqualTo(rotated.getKeyID());
        assertThat(here.activeKey().getKeyID()).isEqualTo(rotated.getKeyID());
        assertThat(here.verificationKey(before.getKeyID()).blockOptional()).isPresent();
        assertThat(here.verificationKey(rotated.getKeyID()).blockOptional()).isPresent();
        assertThat(here.publishedKeys().block().getKeys()).extracting(k -> k.getKeyID())
                .containsExactlyInAnyOrder(before.getKeyID(), rotated.getKeyID());
    }

    @Test
    void aRetiredKeyStaysPublishedForTheTokenLifetimePlusTheRefreshIntervalAndClockSkew() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        ECKey first = keys.load().block();
        repository.retireActive(clock.instant()).block();
        repository.insert(keys.generate()).block();

        clock.advance(TTL.plus(SigningKeys.RELOAD_INTERVAL).plus(SigningKeys.CLOCK_SKEW).minusSeconds(1));
        assertThat(keys.publishedKeys().block().getKeys()).extracting(k -> k.getKeyID()).contains(first.getKeyID());
        clock.advance(Duration.ofSeconds(2));
        assertThat(keys.publishedKeys().block().getKeys()).extracting(k -> k.getKeyID()).doesNotContain(first.getKeyID());
    }

    @Test
    void aKeyMadeUnderTheDevelopmentMasterKeyIsMarkedSoAndTheProdProfileRefusesIt() {
        SigningKeys development = keys(SigningKeyCipher.DEVELOPMENT_MASTER_KEY);
        development.load().block();

        assertThat(repository.rows).singleElement().satisfies(row -> assertThat(row.createdUnderDevelopmentKey()).isTrue());
        assertThatThrownBy(() -> keys(SigningKeyCipher.DEVELOPMENT_MASTER_KEY).load(true).block())
                .isInstanceOf(DevelopmentSigningKeyException.class)
                .hasMessageContaining(repository.rows.get(0).kid())
                .hasMessageContaining("MITA_AUTH_MASTER_KEY");
    }

    @Test
    void aKeyStoredUnmarkedIsMarkedWhenItDecryptsUnderTheDevelopmentKey() throws Exception {
        SigningKeys development = keys(SigningKeyCipher.DEVELOPMENT_MASTER_KEY);
        StoredSigningKey generated = development.generate();
        repository.insert(new StoredSigningKey(generated.kid(), generated.algorithm(), generated.publicJwk(),
                generated.privateKeyEncrypted(), generated.iv(), generated.createdAt(), true, null, false)).block();

        development.load().block();

        assertThat(repository.rows).singleElement().satisfies(row -> assertThat(row.createdUnderDevelopmentKey()).isTrue());
    }

    @Test
    void theProdProfileAcceptsAKeyMadeUnderARealMasterKey() {
        ECKey key = keys(masterKey).load(true).block();

        assertThat(key.getKeyID()).isEqualTo(repository.rows.get(0).kid());
        assertThat(repository.rows.get(0).createdUnderDevelopmentKey()).isFalse();
    }

    @Test
    void aRefreshThatReadAnOlderActiveKeyNeverReplacesANewerOne() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys keys = new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), TTL, clock);
        StoredSigningKey older = keys.generate();
        clock.advance(Duration.ofSeconds(1));
        StoredSigningKey newer = keys.generate();
        repository.insert(newer).block();
        keys.load().block();
        // what a refresh racing a second rotation may read: the first rotation's key, active a moment ago
        repository.retireActive(clock.instant()).block();
        repository.insert(older).block();

        assertThat(keys.refreshActive().block().getKeyID()).isEqualTo(newer.kid());
        assertThat(keys.activeKey().getKeyID()).isEqualTo(newer.kid());
    }
}
