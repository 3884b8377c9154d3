package io.mita.auth.session;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class RefreshTokenRepository implements RefreshTokens {

    private final DatabaseClient db;

    RefreshTokenRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(RefreshToken token) {
        return db.sql("INSERT INTO refresh_token"
                        + " (id, user_id, family_id, token_hash, expires_at, created_at, session_expires_at)"
                        + " VALUES (:id, :userId, :familyId, :tokenHash, :expiresAt, :createdAt, :sessionExpiresAt)")
                .bind("id", token.id())
                .bind("userId", token.userId())
                .bind("familyId", token.familyId())
                .bind("tokenHash", token.tokenHash())
                .bind("expiresAt", token.expiresAt())
                .bind("createdAt", token.createdAt())
                .bind("sessionExpiresAt", token.sessionExpiresAt())
                .then();
    }

    @Override
    public Mono<RefreshToken> findByHash(String tokenHash) {
        return db.sql("SELECT id, user_id, family_id, token_hash, expires_at, used_at, revoked_at, created_at,"
                        + " session_expires_at FROM refresh_token WHERE token_hash = :tokenHash")
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

    @Override
    public Mono<Void> insertSession(UserSession session) {
        var spec = db.sql("INSERT INTO user_session (id, user_id, device_name, network, created_at, last_used_at)"
                        + " VALUES (:id, :userId, :deviceName, :network, :createdAt, :lastUsedAt)")
                .bind("id", session.id())
                .bind("userId", session.userId())
                .bind("deviceName", session.deviceName())
                .bind("createdAt", session.createdAt())
                .bind("lastUsedAt", session.lastUsedAt());
        spec = session.network() == null
                ? spec.bindNull("network", String.class)
                : spec.bind("network", session.network());
        return spec.then();
    }

    @Override
    public Mono<Void> touchSession(UUID sessionId, Instant now, String network) {
        var spec = db.sql("UPDATE user_session SET last_used_at = GREATEST(last_used_at, :now),"
                        + " network = COALESCE(:network, network) WHERE id = :id")
                .bind("id", sessionId)
                .bind("now", now);
        spec = network == null ? spec.bindNull("network", String.class) : spec.bind("network", network);
        return spec.then();
    }

    @Override
    public Flux<UserSession> openSessions(UUID userId, Instant now) {
        return db.sql("SELECT s.id, s.user_id, s.device_name, s.network, s.created_at, s.last_used_at"
                        + " FROM user_session s WHERE s.user_id = :userId AND EXISTS (SELECT 1 FROM refresh_token t"
                        + " WHERE t.family_id = s.id AND t.used_at IS NULL AND t.revoked_at IS NULL"
                        + " AND t.expires_at > :now AND t.session_expires_at > :now)"
                        + " ORDER BY s.last_used_at DESC, s.id")
                .bind("userId", userId)
                .bind("now", now)
                .map(row -> new UserSession(
                        row.get("id", UUID.class),
                        row.get("user_id", UUID.class),
                        row.get("device_name", String.class),
                        row.get("network", String.class),
                        row.get("created_at", Instant.class),
                        row.get("last_used_at", Instant.class)))
                .all();
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
                row.get("created_at", Instant.class),
                row.get("session_expires_at", Instant.class));
    }
}
