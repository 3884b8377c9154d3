package io.mita.auth.session;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored refresh tokens as the session use cases need them: {@link RefreshTokenRepository} over
 * PostgreSQL; an in-memory fake in the unit tests.
 */
interface RefreshTokens {

    Mono<Void> insert(RefreshToken token);

    Mono<RefreshToken> findByHash(String tokenHash);

    /**
     * Spends the token if nobody has: true for exactly one of any number of concurrent callers, so a
     * token raced by two clients rotates once and the second one counts as reuse.
     */
    Mono<Boolean> markUsed(UUID id, Instant now);

    /** Revokes every token of the family not revoked yet; answers how many were. */
    Mono<Long> revokeFamily(UUID familyId, Instant now);

    /** Revokes every token of every family of the user not revoked yet; answers how many families that ended. */
    Mono<Long> revokeAllOf(UUID userId, Instant now);

    Mono<Void> insertSession(UserSession session);

    /** A login or refresh used the session now, from this network (null keeps the one recorded). */
    Mono<Void> touchSession(UUID sessionId, Instant now, String network);

    /** The user's sessions that still have a usable token (unspent, unrevoked, unexpired), latest used first. */
    Flux<UserSession> openSessions(UUID userId, Instant now);
}
