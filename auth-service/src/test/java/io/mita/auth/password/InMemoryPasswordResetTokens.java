package io.mita.auth.password;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The password_reset_token table's contract in memory, for unit tests of the reset use cases. */
final class InMemoryPasswordResetTokens extends PasswordResetTokenRepository {

    private final List<Row> rows = new ArrayList<>();
    /** Another confirmation spends the token between our check and our update. */
    private boolean raceNextConsume;

    InMemoryPasswordResetTokens() {
        super(null);
    }

    void spendConcurrentlyOnNextConsume() {
        raceNextConsume = true;
    }

    synchronized boolean isUsable(String tokenHash, Instant now) {
        return rows.stream().anyMatch(row -> row.tokenHash.equals(tokenHash) && row.isUsableAt(now));
    }

    @Override
    synchronized Mono<Void> insert(UUID userId, UUID requestId, String tokenHash, Instant expiresAt, Instant now) {
        rows.add(new Row(userId, tokenHash, expiresAt));
        return Mono.empty();
    }

    @Override
    synchronized Mono<UUID> findUsable(String tokenHash, Instant now) {
        return Mono.justOrEmpty(rows.stream()
                .filter(row -> row.tokenHash.equals(tokenHash) && row.isUsableAt(now))
                .map(row -> row.userId)
                .findFirst());
    }

    @Override
    synchronized Mono<UUID> consume(String tokenHash, Instant now) {
        for (Row row : rows) {
            if (row.tokenHash.equals(tokenHash) && row.isUsableAt(now)) {
                row.usedAt = now;
                if (raceNextConsume) {
                    raceNextConsume = false;
                    return Mono.empty();
                }
                return Mono.just(row.userId);
            }
        }
        return Mono.empty();
    }

    @Override
    synchronized Mono<Long> invalidateAllOf(UUID userId, Instant now) {
        long spent = 0;
        for (Row row : rows) {
            if (row.userId.equals(userId) && row.usedAt == null) {
                row.usedAt = now;
                spent++;
            }
        }
        return Mono.just(spent);
    }

    private static final class Row {

        final UUID userId;
        final String tokenHash;
        final Instant expiresAt;
        Instant usedAt;

        Row(UUID userId, String tokenHash, Instant expiresAt) {
            this.userId = userId;
            this.tokenHash = tokenHash;
            this.expiresAt = expiresAt;
        }

        boolean isUsableAt(Instant now) {
            return usedAt == null && expiresAt.isAfter(now);
        }
    }
}
