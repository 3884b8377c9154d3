package io.mita.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.mita.common.logging.LogContext;
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
 * <p>This class caches: the active key and the verification keys, reloaded on refresh and, throttled by
 * {@link UnknownKidThrottle}, on an unknown {@code kid}. Making, sealing, unsealing and parsing keys is
 * {@link SigningKeyCodec}'s job.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

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
    private final SigningKeyCodec codec;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final UnknownKidThrottle unknownKids;
    private final AtomicReference<ActiveKey> active = new AtomicReference<>();
    private final AtomicReference<VerificationKeys> verification =
            new AtomicReference<>(new VerificationKeys(Map.of(), Instant.MIN));

    SigningKeys(SigningKeyRepository repository, SigningKeyCodec codec, Duration accessTokenTtl, Clock clock) {
        this.repository = repository;
        this.codec = codec;
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
        this.unknownKids = new UnknownKidThrottle(UNKNOWN_KID_RELOAD_INTERVAL, clock);
    }

    /** Keys of the default algorithm under {@code cipher} (tests and tools). */
    SigningKeys(SigningKeyRepository repository, SigningKeyCipher cipher, Duration accessTokenTtl, Clock clock) {
        this(repository, cipher, accessTokenTtl, clock, SigningKeyCodec.DEFAULT_ALGORITHM);
    }

    /** Keys of {@code algorithm} (RS256 or ES256) under {@code cipher} (tests and tools). */
    SigningKeys(
            SigningKeyRepository repository,
            SigningKeyCipher cipher,
            Duration accessTokenTtl,
            Clock clock,
            JWSAlgorithm algorithm) {
        this(repository, new SigningKeyCodec(cipher, algorithm, clock), accessTokenTtl, clock);
    }

    /** The algorithm of the keys this instance generates. */
    JWSAlgorithm algorithm() {
        return codec.algorithm();
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
                .doOnEach(LogContext.onNext(key -> log.info("Signing access tokens with key {}", key.getKeyID())))
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
                            .doOnEach(LogContext.onNext(key -> log.info(
                                    "Signing access tokens with key {} (was {})",
                                    key.getKeyID(),
                                    current == null ? "none" : current.key().getKeyID())));
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
        if (!unknownKids.tryClaim(known.loadedAt())) {
            return Mono.empty();
        }
        return reloadVerificationKeys()
                .flatMap(reloaded -> Mono.justOrEmpty(reloaded.byKid().get(kid)));
    }

    /** The public JWK set of every key whose tokens may still be valid (what {@code /.well-known/jwks.json} serves). */
    Mono<JWKSet> publishedKeys() {
        return repository
                .findPublished(oldestRetirementStillPublished())
                .map(SigningKeyCodec::parsePublic)
                .collectList()
                .map(JWKSet::new);
    }

    private Mono<VerificationKeys> reloadVerificationKeys() {
        Instant now = clock.instant();
        return repository
                .findPublished(oldestRetirementStillPublished())
                .map(SigningKeyCodec::parsePublic)
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
        JWK key = codec.unseal(stored);
        if (codec.sealsUnderDevelopmentKey() && !stored.createdUnderDevelopmentKey()) {
            return repository.markCreatedUnderDevelopmentKey(stored.kid()).thenReturn(key);
        }
        return Mono.just(key);
    }

    private Mono<StoredSigningKey> createFirstKey() {
        return generateOffTheEventLoop()
                .flatMap(key -> repository.insert(key).thenReturn(key))
                .doOnEach(LogContext.onNext(key -> log.info("Generated signing key {}", key.kid())))
                // another instance stored its key between our read and our insert: use theirs
                .onErrorResume(DuplicateKeyException.class, e -> repository.findActive());
    }

    /** {@link SigningKeyCodec#generate()} on a thread that may block: an RSA-3072 key takes a few hundred ms. */
    Mono<StoredSigningKey> generateOffTheEventLoop() {
        return Mono.fromCallable(codec::generate).subscribeOn(Schedulers.boundedElastic());
    }

    private record ActiveKey(JWK key, Instant createdAt) {}

    private record VerificationKeys(Map<String, JWK> byKid, Instant loadedAt) {}
}
