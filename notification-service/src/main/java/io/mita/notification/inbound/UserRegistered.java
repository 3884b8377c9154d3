package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of auth-service's {@code mita.auth.user.registered.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRegistered(UUID userId, String displayName, Instant registeredAt) {

    public static final String TYPE = "mita.auth.user.registered.v1";
}
