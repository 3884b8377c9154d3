package io.mita.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The keys that sign and verify access tokens, kept in {@code signing_key} so they
 * survive restarts and are shared by every instance. {@link #load()} (at startup) takes the active key
 * from the database, or generates and stores one when there is none; concurrent first startups agree on
 * one key through the unique index on the active flag. After a rotation (by any instance) every instance
 * signs with the new key once {@link #refreshActive()} has run, at most {@link #RELOAD_INTERVAL} later;
 * a retired key stays published until every token it may have signed has expired: retirement + access
 * token lifetime + {@link #RELOAD_INTERVAL} (another instance may still sign with it that long) + clock skew.
 *
 * <p>New keys are of the configured algorithm ({@code mita.auth.signing-algorithm}): RS256 with RSA-3072
 * (the default) or ES256 on P-256. Stored keys of either algorithm load, sign while active and verify
 * while published, whatever is configured: the row's {@code algorithm} says how to read its private half.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** The algorithm of new keys unless configured otherwise. */
    static final JWSAlgorithm DEFAULT_ALGORITHM = JWSAlgorithm.RS256;
    /** Every algorithm a stored key may have, and so every algorithm a token of ours may be signed with. */
    static final Set<JWSAlgorithm> SUPPORTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    static final int RSA_KEY_BITS = 3072;
    /** The allowance for clock skew resource servers grant when checking {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** How often every instance looks for a new active key another instance rotated in ({@link SigningKeyRefresher}). */
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(30);
    /**
     * How often an unknown {@code kid} may send us to the database for keys another instance created: a token
     * signed by a key rotated in elsewhere verifies here within a second, and made-up key ids cost the database
     * at most one query a second (as the gateway's JWKS cache allows one fetch a second).
     */
    static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final SigningKeyRepository repository;
    private final SigningKeyCipher cipher;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final JWSAlgorithm algorithm;
    private final AtomicReference<ActiveKey> active = new AtomicReference<>();
    private final AtomicReference<VerificationKeys> verification =
            new AtomicReference<>(new VerificationKeys(Map.of(), Instant.MIN));
    /** When an unknown key id last sent us to the database (claimed before the query, so concurrent ones wait). */
    private final AtomicReference<Instant> lastUnknownKidReload = new AtomicReference<>(Instant.MIN);

    SigningKeys(SigningKeyRepository repository, SigningKeyCipher cipher, Duration accessTokenTtl, Clock clock) {
        this(repository, cipher, accessTokenTtl, clock, DEFAULT_ALGORITHM);
    }

    /** @param algorithm the algorithm of the keys this instance generates (RS256 or ES256) */
    SigningKeys(
            SigningKeyRepository repository,
            SigningKeyCipher cipher,
            Duration accessTokenTtl,
            Clock clock,
            JWSAlgorithm algorithm) {
        if (!SUPPORTED_ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("Signing keys are RS256 or ES256, not " + algorithm);
        }
        this.repository = repository;
        this.cipher = cipher;
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
        this.algorithm = algorithm;
    }

    /** The algorithm of the keys this instance generates. */
    JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** Loads (or first creates) the active key and the keys tokens can still be verified with. */
    public Mono<JWK> load() {
        return load(false);
    }

    /**
     * As {@link #load()}; with {@code refuseDevelopmentKey} (the prod profile) an active key sealed under the
     * public development master key stops the startup with {@link DevelopmentSigningKeyException}.
     */
    public Mono<JWK> load(boolean refuseDevelopmentKey) {
        return repository
                .findActive()
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
    public Mono<JWK> refreshActive() {
        return repository
                .findActive()
                .flatMap(stored -> {
                    ActiveKey current = active.get();
                    if (current != null && current.key().getKeyID().equals(stored.kid())) {
                        return Mono.just(current.key());
                    }
                    // two refreshes racing (two rotations in a row): the newer key wins, never the older
                    return unsealAndRecordProvenance(stored)
                            .map(key -> active.updateAndGet(now ->
                                            now == null || !stored.createdAt().isBefore(now.createdAt())
                                                    ? new ActiveKey(key, stored.createdAt())
                                                    : now)
                                    .key())
                            .doOnNext(key -> log.info(
                                    "Signing access tokens with key {} (was {})",
                                    key.getKeyID(),
                                    current == null ? "none" : current.key().getKeyID()));
                })
                .flatMap(key -> reloadVerificationKeys().thenReturn(key));
    }

    /** The private key new access tokens are signed with (an {@link RSAKey} or an {@link ECKey}). */
    JWK activeKey() {
        ActiveKey key = active.get();
        if (key == null) {
            throw new IllegalStateException("signing keys are not loaded yet");
        }
        return key.key();
    }

    /**
     * The public key with this id, if tokens signed with it may still be valid. An id we do not know
     * may belong to a key another instance created since we loaded: look again, unless keys were loaded or
     * another unknown id sent us to the database less than {@link #UNKNOWN_KID_RELOAD_INTERVAL} ago.
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
        Instant now = clock.instant();
        Instant threshold = now.minus(UNKNOWN_KID_RELOAD_INTERVAL);
        Instant last = lastUnknownKidReload.get();
        if (known.loadedAt().isAfter(threshold)
                || last.isAfter(threshold)
                || !lastUnknownKidReload.compareAndSet(last, now)) {
            return Mono.empty();
        }
        return reloadVerificationKeys()
                .flatMap(reloaded -> Mono.justOrEmpty(reloaded.byKid().get(kid)));
    }

    /** The public JWK set of every key whose tokens may still be valid (what {@code /.well-known/jwks.json} serves). */
    Mono<JWKSet> publishedKeys() {
        return repository
                .findPublished(oldestRetirementStillPublished())
                .map(SigningKeys::parsePublic)
                .collectList()
                .map(JWKSet::new);
    }

    private Mono<VerificationKeys> reloadVerificationKeys() {
        Instant now = clock.instant();
        return repository
                .findPublished(oldestRetirementStillPublished())
                .map(SigningKeys::parsePublic)
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
    private Mono<JWK> unsealAndRecordProvenance(StoredSigningKey stored) {
        JWK key = unseal(stored);
        if (cipher.isDevelopmentKey() && !stored.createdUnderDevelopmentKey()) {
            return repository.markCreatedUnderDevelopmentKey(stored.kid()).thenReturn(key);
        }
        return Mono.just(key);
    }

    private Mono<StoredSigningKey> createFirstKey() {
        return generateOffTheEventLoop()
                .flatMap(key -> repository.insert(key).thenReturn(key))
                .doOnNext(key -> log.info("Generated signing key {}", key.kid()))
                // another instance stored its key between our read and our insert: use theirs
                .onErrorResume(DuplicateKeyException.class, e -> repository.findActive());
    }

    /** {@link #generate()} on a thread that may block: an RSA-3072 key takes a few hundred milliseconds. */
    Mono<StoredSigningKey> generateOffTheEventLoop() {
        return Mono.fromCallable(this::generate).subscribeOn(Schedulers.boundedElastic());
    }

    /** A new key of the configured algorithm, its private half (PKCS#8) sealed under the master key. */
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

    /** The stored key with its private half; the row's algorithm says whether that is an RSA or an EC key. */
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
    private static JWK parsePublic(StoredSigningKey stored) {
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

    private record ActiveKey(JWK key, Instant createdAt) {}

    private record VerificationKeys(Map<String, JWK> byKid, Instant loadedAt) {}
}
