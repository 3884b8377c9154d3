package io.mita.auth.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The refresh_token table's contract in memory (the statements of {@link RefreshTokenRepository}, one lock for
 * each call), for unit tests of the session use cases; {@code RefreshTokenRotationIT} runs them on PostgreSQL.
 */
final class InMemoryRefreshTokens implements RefreshTokens {

    private final List<RefreshToken> rows = new ArrayList<>();
    private final List<UserSession> sessions = new ArrayList<>();
    /** Another client spends the next token we try to spend, between our read and our update. */
    private boolean raceNextSpend;

    void spendConcurrentlyOnNextMarkUsed() {
        raceNextSpend = true;
    }

    synchronized List<RefreshToken> rows() {
        return List.copyOf(rows);
    }

    synchronized Optional<RefreshToken> byHash(String tokenHash) {
        return rows.stream().filter(row -> row.tokenHash().equals(tokenHash)).findFirst();
    }

    synchronized void add(RefreshToken token) {
        rows.add(token);
    }

    @Override
    public synchronized Mono<Void> insert(RefreshToken token) {
        if (rows.stream().anyMatch(row -> row.tokenHash().equals(token.tokenHash()))) {
            return Mono.error(new IllegalStateException("token_hash is unique"));
        }
        rows.add(token);
        return Mono.empty();
    }

    @Override
    public synchronized Mono<RefreshToken> findByHash(String tokenHash) {
        return Mono.justOrEmpty(byHash(tokenHash));
    }

    @Override
    public synchronized Mono<Boolean> markUsed(UUID id, Instant now) {
        if (raceNextSpend) {
            raceNextSpend = false;
            replace(id, row -> withUsedAt(row, now));
        }
        RefreshToken row =
                rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        if (row == null || row.usedAt() != null || row.revokedAt() != null) {
            return Mono.just(false);
        }
        replace(id, r -> withUsedAt(r, now));
        return Mono.just(true);
    }

    @Override
    public synchronized Mono<Long> revokeFamily(UUID familyId, Instant now) {
        long revoked = 0;
        for (int i = 0; i < rows.size(); i++) {
            RefreshToken row = rows.get(i);
            if (row.familyId().equals(familyId) && row.revokedAt() == null) {
                rows.set(i, withRevokedAt(row, now));
                revoked++;
            }
        }
        return Mono.just(revoked);
    }

    @Override
    public synchronized Mono<Long> revokeAllOf(UUID userId, Instant now) {
        List<UUID> families = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RefreshToken row = rows.get(i);
            if (row.userId().equals(userId) && row.revokedAt() == null) {
                rows.set(i, withRevokedAt(row, now));
                if (!families.contains(row.familyId())) {
                    families.add(row.familyId());
                }
            }
        }
        return Mono.just((long) families.size());
    }

    @Override
    public synchronized Mono<Void> insertSession(UserSession session) {
        sessions.add(session);
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> touchSession(UUID sessionId, Instant now, String network) {
        sessions.replaceAll(session -> session.id().equals(sessionId)
                ? new UserSession(
                        session.id(),
                        session.userId(),
                        session.deviceName(),
                        network == null ? session.network() : network,
                        session.createdAt(),
                        now.isAfter(session.lastUsedAt()) ? now : session.lastUsedAt())
                : session);
        return Mono.empty();
    }

    @Override
    public synchronized Flux<UserSession> openSessions(UUID userId, Instant now) {
        List<UserSession> open = sessions.stream()
                .filter(session -> session.userId().equals(userId))
                .filter(session -> rows.stream()
                        .anyMatch(row -> row.familyId().equals(session.id())
                                && row.usedAt() == null
                                && row.revokedAt() == null
                                && !row.isExpiredAt(now)))
                .sorted(java.util.Comparator.comparing(UserSession::lastUsedAt)
                        .reversed()
                        .thenComparing(UserSession::id))
                .toList();
        return Flux.fromIterable(open);
    }

    synchronized List<UserSession> sessions() {
        return List.copyOf(sessions);
    }

    private void replace(UUID id, java.util.function.UnaryOperator<RefreshToken> change) {
        rows.replaceAll(row -> row.id().equals(id) ? change.apply(row) : row);
    }

    private static RefreshToken withUsedAt(RefreshToken row, Instant usedAt) {
        return new RefreshToken(
                row.id(),
                row.userId(),
                row.familyId(),
                row.tokenHash(),
                row.expiresAt(),
                usedAt,
                row.revokedAt(),
                row.createdAt(),
                row.sessionExpiresAt());
    }

    private static RefreshToken withRevokedAt(RefreshToken row, Instant revokedAt) {
        return new RefreshToken(
                row.id(),
                row.userId(),
                row.familyId(),
                row.tokenHash(),
                row.expiresAt(),
                row.usedAt(),
                revokedAt,
                row.createdAt(),
                row.sessionExpiresAt());
    }
}
