package io.mita.auth.session;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code user_session}: how a login session (a refresh-token family, same id) is shown to its user. */
record UserSession(UUID id, UUID userId, String deviceName, String network, Instant createdAt, Instant lastUsedAt) {}
