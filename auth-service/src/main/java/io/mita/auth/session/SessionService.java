package io.mita.auth.session;

import io.mita.auth.config.AuthProperties;
import io.mita.auth.secret.OpaqueToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sessions are refresh-token families: login opens one, every refresh spends the presented token and
 * issues its successor in the same family, and a spent token presented again revokes the family
 * (someone holds a copy: the legitimate client and the thief both lose the session).
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final RefreshTokens tokens;
    private final AccessTokens accessTokens;
    private final SessionPublisher events;
    private final TransactionalOperator transaction;
    private final Duration refreshTokenTtl;
    private final Clock clock;

    SessionService(
            RefreshTokens tokens,
            AccessTokens accessTokens,
            SessionPublisher events,
            TransactionalOperator transaction,
            AuthProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.events = events;
        this.transaction = transaction;
        this.refreshTokenTtl = properties.refreshTokenTtl();
        this.clock = clock;
    }

    /** Starts a new family with its first refresh token; runs in the caller's transaction. */
    Mono<OpenedSession> open(UUID userId) {
        UUID familyId = UUID.randomUUID();
        OpaqueToken first = OpaqueToken.generate();
        return tokens.insert(newToken(userId, familyId, first, clock.instant()))
                .thenReturn(new OpenedSession(familyId, first));
    }

    Mono<TokenPairResponse> refresh(String presented) {
        Instant now = clock.instant();
        return tokens.findByHash(OpaqueToken.hashOf(presented))
                .flatMap(token -> rotate(token, now))
                .defaultIfEmpty(Outcome.INVALID)
                // commit first: the revocation of a reused token's family must stay even though we refuse
                .as(transaction::transactional)
                .flatMap(outcome -> outcome instanceof Rotated rotated
                        ? accessTokens
                                .issueFor(rotated.userId())
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

    /**
     * Ends every session of the user (password changed or reset); runs in the caller's transaction.
     * Answers how many sessions that were still open ended. Access tokens already issued stay valid until
     * they expire (at most the access-token lifetime).
     */
    public Mono<Long> revokeAll(UUID userId) {
        return tokens.revokeAllOf(userId, clock.instant());
    }

    private Mono<Outcome> rotate(RefreshToken token, Instant now) {
        if (token.isSpent()) {
            return revokeReusedFamily(token, now);
        }
        if (token.isRevoked() || token.isExpiredAt(now)) {
            return Mono.just(Outcome.INVALID);
        }
        return tokens.markUsed(token.id(), now).flatMap(spentByUs -> {
            if (!spentByUs) {
                // a concurrent request spent it between our read and our update: the same as reuse
                return revokeReusedFamily(token, now);
            }
            OpaqueToken next = OpaqueToken.generate();
            return tokens.insert(newToken(token.userId(), token.familyId(), next, now))
                    .thenReturn((Outcome) new Rotated(token.userId(), next));
        });
    }

    private Mono<Outcome> revokeReusedFamily(RefreshToken token, Instant now) {
        return tokens.revokeFamily(token.familyId(), now)
                .doOnNext(revoked -> log.warn(
                        "Refresh token reused: revoked session {} of user {} ({} tokens)",
                        token.familyId(),
                        token.userId(),
                        revoked))
                .thenReturn(Outcome.REUSED);
    }

    private RefreshToken newToken(UUID userId, UUID familyId, OpaqueToken value, Instant now) {
        return new RefreshToken(
                UUID.randomUUID(), userId, familyId, value.hash(), now.plus(refreshTokenTtl), null, null, now);
    }

    /** A new session: its id (the family) and the refresh token to hand out. */
    record OpenedSession(UUID sessionId, OpaqueToken refreshToken) {}

    private sealed interface Outcome permits Rotated, Refused {
        Refused INVALID = new Refused("invalid");
        Refused REUSED = new Refused("reused");
    }

    private record Rotated(UUID userId, OpaqueToken next) implements Outcome {}

    private record Refused(String reason) implements Outcome {}
}
