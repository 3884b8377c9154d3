package io.mita.auth.session;

import io.mita.auth.config.AuthProperties;
import io.mita.auth.secret.OpaqueToken;
import io.mita.common.logging.LogContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions are refresh-token families: login opens one, every refresh spends the presented token and
 * issues its successor in the same family, and a spent token presented again revokes the family
 * (someone holds a copy: the legitimate client and the thief both lose the session) — unless it comes back
 * within the reuse grace ({@link SessionProperties#reuseGrace()}) while its successor is still unspent: then it
 * is a retry after a lost response and answers the same successor (RFC 9700 §4.14.2). A session ends at the
 * latest {@link SessionProperties#absoluteLifetime()} after login, however often it is refreshed.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final RefreshTokens tokens;
    private final AccessTokens accessTokens;
    private final SessionPublisher events;
    private final TransactionalOperator transaction;
    private final Duration refreshTokenTtl;
    private final Duration reuseGrace;
    private final Duration absoluteLifetime;
    private final byte[] successorKey;
    private final Clock clock;

    SessionService(
            RefreshTokens tokens,
            AccessTokens accessTokens,
            SessionPublisher events,
            TransactionalOperator transaction,
            AuthProperties properties,
            SessionProperties sessionProperties,
            Clock clock) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.events = events;
        this.transaction = transaction;
        this.refreshTokenTtl = properties.refreshTokenTtl();
        this.reuseGrace = sessionProperties.reuseGrace();
        this.absoluteLifetime = sessionProperties.absoluteLifetime();
        this.successorKey = successorKey(properties.masterKey());
        this.clock = clock;
    }

    /** Starts a new family with its first refresh token, from an unknown device; runs in the caller's transaction. */
    Mono<OpenedSession> open(UUID userId) {
        return open(userId, ClientContext.UNKNOWN);
    }

    /** Starts a new family with its first refresh token and records where it comes from; caller's transaction. */
    Mono<OpenedSession> open(UUID userId, ClientContext client) {
        UUID familyId = UUID.randomUUID();
        OpaqueToken first = OpaqueToken.generate();
        Instant now = clock.instant();
        return tokens.insertSession(new UserSession(familyId, userId, client.deviceName(), client.network(), now, now))
                .then(tokens.insert(newToken(userId, familyId, first, now, now.plus(absoluteLifetime))))
                .thenReturn(new OpenedSession(familyId, first));
    }

    Mono<TokenPairResponse> refresh(String presented) {
        return refresh(presented, ClientContext.UNKNOWN);
    }

    /**
     * Rotates the presented token. Refresh never looks at the account's login lockout: a device that holds a
     * valid refresh token keeps its session while somebody else's wrong passwords lock the account
     * (docs/auth.md, "Lockout").
     */
    Mono<TokenPairResponse> refresh(String presented, ClientContext client) {
        Instant now = clock.instant();
        return tokens.findByHash(OpaqueToken.hashOf(presented))
                .flatMap(token -> rotate(token, presented, now)
                        .flatMap(outcome -> outcome instanceof Rotated
                                ? tokens.touchSession(token.familyId(), now, client.network())
                                        .thenReturn(outcome)
                                : Mono.just(outcome)))
                .defaultIfEmpty(Outcome.INVALID)
                // commit first: the revocation of a reused token's family must stay even though we refuse
                .as(transaction::transactional)
                .flatMap(outcome -> outcome instanceof Rotated rotated
                        ? accessTokens
                                .issueFor(rotated.userId(), rotated.sessionId())
                                .map(access -> TokenPairResponse.of(access, rotated.next()))
                        : Mono.error(
                                outcome == Outcome.REUSED
                                        ? new RefreshTokenReusedException()
                                        : new InvalidRefreshTokenException()));
    }

    /** Ends the token's session. Unknown or already revoked tokens change nothing and are not an error. */
    Mono<Void> logout(String presented) {
        Instant now = clock.instant();
        return tokens.findByHash(OpaqueToken.hashOf(presented))
                .flatMap(token -> tokens.revokeFamily(token.familyId(), now)
                        .filter(revoked -> revoked > 0)
                        .flatMap(revoked -> events.loggedOut(token.userId(), token.familyId())))
                .as(transaction::transactional)
                .then();
    }

    /** The user's open sessions, latest used first. */
    Flux<UserSession> openSessions(UUID userId) {
        return tokens.openSessions(userId, clock.instant());
    }

    /**
     * Ends one of the user's sessions (signed out from another device). {@link SessionNotFoundException} when
     * the user has no such open session (somebody else's session is not found either).
     */
    Mono<Void> revoke(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        return tokens.openSessions(userId, now)
                .filter(session -> session.id().equals(sessionId))
                .next()
                .switchIfEmpty(Mono.error(() -> new SessionNotFoundException(sessionId)))
                .flatMap(session ->
                        tokens.revokeFamily(sessionId, now).flatMap(revoked -> events.loggedOut(userId, sessionId)))
                .as(transaction::transactional);
    }

    /**
     * Ends every session of the user but {@code current} (the session of the caller's access token; null ends
     * all of them). Answers how many ended; each is recorded as logged out.
     */
    Mono<Long> revokeOthers(UUID userId, UUID current) {
        Instant now = clock.instant();
        return tokens.openSessions(userId, now)
                .filter(session -> !session.id().equals(current))
                .concatMap(session -> tokens.revokeFamily(session.id(), now)
                        .filter(revoked -> revoked > 0)
                        .flatMap(revoked ->
                                events.loggedOut(userId, session.id()).thenReturn(1L)))
                .reduce(0L, Long::sum)
                .as(transaction::transactional);
    }

    /**
     * Ends every session of the user (password changed or reset); runs in the caller's transaction.
     * Answers how many sessions that were still open ended. Access tokens already issued stay valid until
     * they expire (at most the access-token lifetime).
     */
    public Mono<Long> revokeAll(UUID userId) {
        return tokens.revokeAllOf(userId, clock.instant());
    }

    private Mono<Outcome> rotate(RefreshToken token, String presented, Instant now) {
        if (token.isSpent()) {
            return retryOrReuse(token, presented, now);
        }
        if (token.isRevoked() || token.isExpiredAt(now)) {
            return Mono.just(Outcome.INVALID);
        }
        return tokens.markUsed(token.id(), now).flatMap(spentByUs -> {
            if (!spentByUs) {
                // a concurrent request spent it between our read and our update (its transaction has committed,
                // successor included, once our update returns): a retry within the grace, else reuse
                return tokens.findByHash(token.tokenHash())
                        .flatMap(spent -> retryOrReuse(spent, presented, now))
                        .defaultIfEmpty(Outcome.INVALID);
            }
            OpaqueToken next = OpaqueToken.successorOf(presented, successorKey);
            return tokens.insert(newToken(token.userId(), token.familyId(), next, now, token.sessionExpiresAt()))
                    .thenReturn((Outcome) new Rotated(token.userId(), token.familyId(), next));
        });
    }

    /**
     * A spent token presented again. Within the grace, and while its successor is neither spent, revoked nor
     * expired, the client never got our answer: answer the same successor. Otherwise someone else holds a copy:
     * revoke the session.
     */
    private Mono<Outcome> retryOrReuse(RefreshToken spent, String presented, Instant now) {
        if (spent.isRevoked() || !spent.isSpentWithin(reuseGrace, now)) {
            return revokeReusedFamily(spent, now);
        }
        OpaqueToken successor = OpaqueToken.successorOf(presented, successorKey);
        return tokens.findByHash(successor.hash())
                .filter(next -> !next.isSpent() && !next.isRevoked() && !next.isExpiredAt(now))
                .doOnEach(LogContext.onNext(next -> log.info(
                        "Refresh token presented again {} after it was spent: answered its successor again"
                                + " (session {})",
                        Duration.between(spent.usedAt(), now),
                        spent.familyId())))
                .map(next -> (Outcome) new Rotated(spent.userId(), spent.familyId(), successor))
                .switchIfEmpty(Mono.defer(() -> revokeReusedFamily(spent, now)));
    }

    private Mono<Outcome> revokeReusedFamily(RefreshToken token, Instant now) {
        return tokens.revokeFamily(token.familyId(), now)
                .doOnEach(LogContext.onNext(revoked -> log.warn(
                        "Refresh token reused: revoked session {} of user {} ({} tokens)",
                        token.familyId(),
                        token.userId(),
                        revoked)))
                .thenReturn(Outcome.REUSED);
    }

    /** A token valid for the sliding lifetime, but never past its session's absolute end. */
    private RefreshToken newToken(UUID userId, UUID familyId, OpaqueToken value, Instant now, Instant sessionEnd) {
        Instant sliding = now.plus(refreshTokenTtl);
        Instant expiresAt = sliding.isBefore(sessionEnd) ? sliding : sessionEnd;
        return new RefreshToken(
                UUID.randomUUID(), userId, familyId, value.hash(), expiresAt, null, null, now, sessionEnd);
    }

    /** The key successors are derived with: HMAC-SHA256 of a fixed label under the master key's text. */
    private static byte[] successorKey(String masterKey) {
        return OpaqueToken.successorOf(
                        "mita auth refresh-token successor v1", masterKey.getBytes(StandardCharsets.UTF_8))
                .value()
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A new session: its id (the family) and the refresh token to hand out. */
    record OpenedSession(UUID sessionId, OpaqueToken refreshToken) {}

    private sealed interface Outcome permits Rotated, Refused {
        Refused INVALID = new Refused("invalid");
        Refused REUSED = new Refused("reused");
    }

    private record Rotated(UUID userId, UUID sessionId, OpaqueToken next) implements Outcome {}

    private record Refused(String reason) implements Outcome {}
}
