package io.mita.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;

/**
 * The keys that sign and verify access tokens (ES256 on P-256), kept in {@code signing_key} so they
 * survive restarts and are shared by every instance. {@link #load()} (at startup) takes the active key
 * from the database, or generates and stores one when there is none; concurrent first startups agree on
 * one key through the unique index on the active flag. After a rotation (by any instance) every instance
 * signs with the new key once {@link #refreshActive()} has run, at most {@link #RELOAD_INTERVAL} later;
 * a retired key stays published until every token it may have signed has expired: retirement + access
 * token lifetime + {@link #RELOAD_INTERVAL} (another instance may still sign with it that long) + clock skew.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;
    /** The allowance for clock skew resource servers grant when checking {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /**
     * How often an unknown {@code kid} may send us to the database for keys another instance created, and
     * how often every instance looks for a new active key ({@link SigningKeyRefresher}).
     */
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(30);

    private final SigningKeyRepository repository;
    private final SigningKeyCipher cipher;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final AtomicReference<ActiveKey> active = new AtomicReference<>();
    private final AtomicReference<VerificationKeys> verification =
            new AtomicReference<>(new VerificationKeys(Map.of(), Instant.MIN));

    SigningKeys(SigningKeyRepository repository, SigningKeyCipher cipher, Duration accessTokenTtl, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
    }

    /** Loads (or first creates) the active key and the keys tokens can still be verified with. */
    public Mono<ECKey> load() {
        return load(false);
    }

    /**
     * As {@link #load()}; with {@code refuseDevelopmentKey} (the prod profile) an active key sealed under the
     * public development master key stops the startup with {@link DevelopmentSigningKeyException}.
     */
    public Mono<ECKey> load(boolean refuseDevelopmentKey) {
        return repository.findActive()
                .switchIfEmpty(Mono.defer(this::createFirstKey))
                .flatMap(stored -> refuseDevelopmentKey && stored.createdUnderDevelopmentKey()
                        ? Mono.error(new DevelopmentSigningKeyException(stored.kid()))
                        : Mono.just(stored))
                .flatMap(stored -> unsealAndRecordProvenance(stored)
                        .doOnNext(key -> active.set(new ActiveKey(key, stored.createdAt()))))
                .doOnNext(key -> log.info("Signing access tokens with key {}", key.getKeyID()))
                .flatMap(key -> reloadVerificationKeys().thenReturn(key));
    }

    /**
     * Takes up the database's active key if another instance (or a rotation here) replaced the one this
     * instance signs with, and reloads the verification keys. Answers the key signing from now on.
     */
    public Mono<ECKey> refreshActive() {
        return repository.findActive()
                .flatMap(stored -> {
                    ActiveKey current = active.get();
                    if (current != null && current.key().getKeyID().equals(stored.kid())) {
                        return Mono.just(current.key());
                    }
                    // two refreshes racing (two rotations in a row): the newer key wins, never the older
                    return unsealAndRecordProvenance(stored).map(key -> active.updateAndGet(now ->
                                    now == null || !stored.createdAt().isBefore(now.createdAt())
                                            ? new ActiveKey(key, stored.createdAt()) : now).key())
                            .doOnNext(key -> log.info("Signing access tokens with key {} (was {})", key.getKeyID(),
                                    current == null ? "none" : current.key().getKeyID()));
                })
                .flatMap(key -> reloadVerificationKeys().thenReturn(key));
    }

    /** The private key new access tokens are signed with. */
    ECKey activeKey() {
        ActiveKey key = active.get();
        if (key == null) {
            throw new IllegalStateException("signing keys are not loaded yet");
        }
        return key.key();
    }

    /**
     * The public key with this id, if tokens signed with it may still be valid. An id we do not know
     * may belong to a key another instance created since we loaded: look again, at most every 30 s.
     */
    Mono<JWK> verificationKey(String kid) {
        if (kid == null) {
            return Mono.empty();
        }
        VerificationKeys known = verification.get();
        JWK key = known.byKid().get(kid);
        if (key != null) {
            return Mono.just(key);
        }
        if (known.loadedAt().isAfter(clock.instant().minus(RELOAD_INTERVAL))) {
            return Mono.empty();
        }
        return reloadVerificationKeys().flatMap(reloaded -> Mono.justOrEmpty(reloaded.byKid().get(kid)));
    }

    /** The public JWK set of every key whose tokens may still be valid (what {@code /.well-known/jwks.json} serves). */
    Mono<JWKSet> publishedKeys() {
        return repository.findPublished(oldestRetirementStillPublished())
                .map(stored -> parsePublic(stored.publicJwk()))
                .collectList()
                .map(keys -> new JWKSet(keys.stream().map(JWK.class::cast).toList()));
    }

    private Mono<VerificationKeys> reloadVerificationKeys() {
        Instant now = clock.instant();
        return repository.findPublished(oldestRetirementStillPublished())
                .map(stored -> (JWK) parsePublic(stored.publicJwk()))
                .collectList()
                .map(keys -> new VerificationKeys(
                        keys.stream().collect(Collectors.toUnmodifiableMap(JWK::getKeyID, Function.identity())), now))
                .doOnNext(verification::set);
    }

    /** A token signed with a key retired before this instant has expired everywhere. */
    private Instant oldestRetirementStillPublished() {
        return clock.instant().minus(accessTokenTtl).minus(RELOAD_INTERVAL).minus(CLOCK_SKEW);
    }

    /** A key that decrypts under the development master key was sealed under it: say so in its row. */
    private Mono<ECKey> unsealAndRecordProvenance(StoredSigningKey stored) {
        ECKey key = unseal(stored);
        if (cipher.isDevelopmentKey() && !stored.createdUnderDevelopmentKey()) {
            return repository.markCreatedUnderDevelopmentKey(stored.kid()).thenReturn(key);
        }
        return Mono.just(key);
    }

    private Mono<StoredSigningKey> createFirstKey() {
        return Mono.fromCallable(this::generate)
                .flatMap(key -> repository.insert(key).thenReturn(key))
                .doOnNext(key -> log.info("Generated signing key {}", key.kid()))
                // another instance stored its key between our read and our insert: use theirs
                .onErrorResume(DuplicateKeyException.class, e -> repository.findActive());
    }

    StoredSigningKey generate() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(ALGORITHM)
                .keyIDFromThumbprint(true)
                .generate();
        SigningKeyCipher.Sealed sealed = cipher.encrypt(key.getKeyID(), key.toECPrivateKey().getEncoded());
        return new StoredSigningKey(key.getKeyID(), ALGORITHM.getName(), key.toPublicJWK().toJSONString(),
                sealed.ciphertext(), sealed.iv(), clock.instant(), true, null, cipher.isDevelopmentKey());
    }

    ECKey unseal(StoredSigningKey stored) {
        byte[] pkcs8 = cipher.decrypt(stored.kid(), new SigningKeyCipher.Sealed(stored.privateKeyEncrypted(), stored.iv()));
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new ECKey.Builder(parsePublic(stored.publicJwk())).privateKey(privateKey).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " holds no valid EC private key", e);
        }
    }

    private static ECKey parsePublic(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public JWK does not parse", e);
        }
    }

    private record ActiveKey(ECKey key, Instant createdAt) {
    }

    private record VerificationKeys(Map<String, JWK> byKid, Instant loadedAt) {
    }
}
