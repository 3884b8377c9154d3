package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of auth-service's {@code mita.auth.account.locked.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountLocked(UUID userId, Integer failedAttempts, Instant lockedUntil) {

    public static final String TYPE = "mita.auth.account.locked.v1";
}
