package io.mita.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code refresh_token}; the family is the login session the token belongs to, and
 * {@code sessionExpiresAt} that session's absolute end ({@code expiresAt} never passes it).
 */
record RefreshToken(
        UUID id,
        UUID userId,
        UUID familyId,
        String tokenHash,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt,
        Instant createdAt,
        Instant sessionExpiresAt) {

    boolean isSpent() {
        return usedAt != null;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    /** Past its sliding lifetime or its session's absolute end. */
    boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now) || !sessionExpiresAt.isAfter(now);
    }

    /** Spent less than {@code grace} ago: presenting it again is taken as a retry, not as theft. */
    boolean isSpentWithin(Duration grace, Instant now) {
        return usedAt != null && usedAt.plus(grace).isAfter(now);
    }
}
