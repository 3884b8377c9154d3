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
            "kid, algorithm, public_jwk, private_key_encrypted, iv, created_at, active, retired_at";

    private final DatabaseClient db;

    SigningKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StoredSigningKey> findActive() {
        return db.sql("SELECT " + COLUMNS + " FROM signing_key WHERE active").map(SigningKeyRepository::read).one();
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
                        + " :privateKeyEncrypted, :iv, :createdAt, :active, NULL)")
                .bind("kid", key.kid())
                .bind("algorithm", key.algorithm())
                .bind("publicJwk", key.publicJwk())
                .bind("privateKeyEncrypted", key.privateKeyEncrypted())
                .bind("iv", key.iv())
                .bind("createdAt", key.createdAt())
                .bind("active", key.active())
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
                row.get("retired_at", Instant.class));
    }

    private static byte[] bytes(Readable row, String column) {
        return row.get(column, byte[].class);
    }
}
