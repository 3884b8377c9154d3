package io.mita.auth.session;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code refresh_token}; the family is the login session the token belongs to. */
record RefreshToken(
        UUID id,
        UUID userId,
        UUID familyId,
        String tokenHash,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt,
        Instant createdAt) {

    boolean isSpent() {
        return usedAt != null;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
