package io.mita.auth.session;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the caller's open sessions. {@code approximateLocation} is the client's network at the last login or
 * refresh ({@code 203.0.113.0/24}, {@code 2001:db8:1234::/48}; null when unknown); {@code current} marks the
 * session of the access token that asked.
 */
record SessionResponse(
        UUID id,
        String deviceName,
        Instant createdAt,
        Instant lastUsedAt,
        String approximateLocation,
        boolean current) {

    static SessionResponse of(UserSession session, UUID currentSession) {
        return new SessionResponse(
                session.id(),
                session.deviceName(),
                session.createdAt(),
                session.lastUsedAt(),
                session.network(),
                session.id().equals(currentSession));
    }
}
