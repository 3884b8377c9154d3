package io.mita.auth.password;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class PasswordResetTokenRepository {

    private final DatabaseClient db;

    PasswordResetTokenRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(UUID userId, UUID requestId, String tokenHash, Instant expiresAt, Instant now) {
        return db.sql("INSERT INTO password_reset_token (id, user_id, request_id, token_hash, expires_at, created_at)"
                        + " VALUES (:id, :userId, :requestId, :tokenHash, :expiresAt, :now)")
                .bind("id", UUID.randomUUID())
                .bind("userId", userId)
                .bind("requestId", requestId)
                .bind("tokenHash", tokenHash)
                .bind("expiresAt", expiresAt)
                .bind("now", now)
                .then();
    }

    /** The user of an unused, unexpired token with this hash; empty otherwise. Reads only. */
    Mono<UUID> findUsable(String tokenHash, Instant now) {
        return db.sql("SELECT user_id FROM password_reset_token"
                        + " WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now")
                .bind("tokenHash", tokenHash)
                .bind("now", now)
                .map(row -> row.get("user_id", UUID.class))
                .one();
    }

    /** Spends the token if it is usable: the user for exactly one of any number of concurrent callers. */
    Mono<UUID> consume(String tokenHash, Instant now) {
        return db.sql("UPDATE password_reset_token SET used_at = :now"
                        + " WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now RETURNING user_id")
                .bind("tokenHash", tokenHash)
                .bind("now", now)
                .map(row -> row.get("user_id", UUID.class))
                .one();
    }

    /** Spends every token of the user still unused (the password just changed). */
    Mono<Long> invalidateAllOf(UUID userId, Instant now) {
        return db.sql("UPDATE password_reset_token SET used_at = :now WHERE user_id = :userId AND used_at IS NULL")
                .bind("userId", userId)
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }
}
