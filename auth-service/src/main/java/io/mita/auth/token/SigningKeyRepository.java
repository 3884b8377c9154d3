package io.mita.auth.token;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class SigningKeyRepository {

    private static final String COLUMNS =
            "kid, algorithm, public_jwk, private_key_encrypted, iv, created_at, active, retired_at, created_under_dev_key";
    /** The advisory lock that makes rotations (on any instance) happen one after the other. */
    private static final long ROTATION_LOCK = 0x6d6974615f6b6579L;

    private final DatabaseClient db;

    SigningKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StoredSigningKey> findActive() {
        return db.sql("SELECT " + COLUMNS + " FROM signing_key WHERE active")
                .map(SigningKeyRepository::read)
                .one();
    }

    /** The keys whose tokens may still be valid: the active one and those retired after {@code retiredAfter}. */
    Flux<StoredSigningKey> findPublished(Instant retiredAfter) {
        return db.sql("SELECT " + COLUMNS + " FROM signing_key WHERE active OR retired_at > :retiredAfter"
                        + " ORDER BY created_at DESC")
                .bind("retiredAfter", retiredAfter)
                .map(SigningKeyRepository::read)
                .all();
    }

    /** Fails with a {@code DuplicateKeyException} when another instance stored an active key first. */
    Mono<Void> insert(StoredSigningKey key) {
        return db.sql("INSERT INTO signing_key (" + COLUMNS + ") VALUES (:kid, :algorithm, :publicJwk,"
                        + " :privateKeyEncrypted, :iv, :createdAt, :active, NULL, :createdUnderDevKey)")
                .bind("kid", key.kid())
                .bind("algorithm", key.algorithm())
                .bind("publicJwk", key.publicJwk())
                .bind("privateKeyEncrypted", key.privateKeyEncrypted())
                .bind("iv", key.iv())
                .bind("createdAt", key.createdAt())
                .bind("active", key.active())
                .bind("createdUnderDevKey", key.createdUnderDevelopmentKey())
                .then();
    }

    /** Waits until no other transaction rotates; held until the caller's transaction ends. */
    Mono<Void> lockForRotation() {
        return db.sql("SELECT pg_advisory_xact_lock(:lock)")
                .bind("lock", ROTATION_LOCK)
                .then();
    }

    /** Retires the active key as of {@code now}; answers its kid, or empty when no key was active. */
    Mono<String> retireActive(Instant now) {
        return db.sql("UPDATE signing_key SET active = false, retired_at = :now WHERE active RETURNING kid")
                .bind("now", now)
                .map(row -> row.get("kid", String.class))
                .one();
    }

    /** Records that the key decrypts under the development master key (so it was sealed under it). */
    Mono<Void> markCreatedUnderDevelopmentKey(String kid) {
        return db.sql(
                        "UPDATE signing_key SET created_under_dev_key = true WHERE kid = :kid AND NOT created_under_dev_key")
                .bind("kid", kid)
                .then();
    }

    private static StoredSigningKey read(Readable row) {
        return new StoredSigningKey(
                row.get("kid", String.class),
                row.get("algorithm", String.class),
                row.get("public_jwk", String.class),
                bytes(row, "private_key_encrypted"),
                bytes(row, "iv"),
                row.get("created_at", Instant.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("retired_at", Instant.class),
                Boolean.TRUE.equals(row.get("created_under_dev_key", Boolean.class)));
    }

    private static byte[] bytes(Readable row, String column) {
        return row.get(column, byte[].class);
    }
}
