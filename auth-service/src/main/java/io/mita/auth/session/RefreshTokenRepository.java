package io.mita.auth.session;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class RefreshTokenRepository implements RefreshTokens {

    private final DatabaseClient db;

    RefreshTokenRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(RefreshToken token) {
        return db.sql("INSERT INTO refresh_token (id, user_id, family_id, token_hash, expires_at, created_at)"
                        + " VALUES (:id, :userId, :familyId, :tokenHash, :expiresAt, :createdAt)")
                .bind("id", token.id())
                .bind("userId", token.userId())
                .bind("familyId", token.familyId())
                .bind("tokenHash", token.tokenHash())
                .bind("expiresAt", token.expiresAt())
                .bind("createdAt", token.createdAt())
                .then();
    }

    @Override
    public Mono<RefreshToken> findByHash(String tokenHash) {
        return db.sql("SELECT id, user_id, family_id, token_hash, expires_at, used_at, revoked_at, created_at"
                        + " FROM refresh_token WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map(RefreshTokenRepository::read)
                .one();
    }

    /**
     * Spends the token if nobody has: true for exactly one of any number of concurrent callers, so a
     * token raced by two clients rotates once and the second one counts as reuse.
     */
    @Override
    public Mono<Boolean> markUsed(UUID id, Instant now) {
        return db.sql(
                        "UPDATE refresh_token SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
                .bind("id", id)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Revokes every token of the family not revoked yet; answers how many were. */
    @Override
    public Mono<Long> revokeFamily(UUID familyId, Instant now) {
        return db.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
                .bind("familyId", familyId)
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }

    /** Revokes every token of every family of the user not revoked yet; answers how many families that ended. */
    @Override
    public Mono<Long> revokeAllOf(UUID userId, Instant now) {
        return db.sql("WITH revoked AS (UPDATE refresh_token SET revoked_at = :now"
                        + " WHERE user_id = :userId AND revoked_at IS NULL RETURNING family_id)"
                        + " SELECT count(DISTINCT family_id) AS families FROM revoked")
                .bind("userId", userId)
                .bind("now", now)
                .map(row -> row.get("families", Long.class))
                .one();
    }

    private static RefreshToken read(Readable row) {
        return new RefreshToken(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("family_id", UUID.class),
                row.get("token_hash", String.class),
                row.get("expires_at", Instant.class),
                row.get("used_at", Instant.class),
                row.get("revoked_at", Instant.class),
                row.get("created_at", Instant.class));
    }
}
