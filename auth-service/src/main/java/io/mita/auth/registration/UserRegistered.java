package io.mita.auth.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.user.registered.v1}: an account was created. Carries no e-mail address, password
 * or hash. Golden file: {@code docs/events/mita.auth.user.registered.v1.json}.
 *
 * @param displayName null when the user gave none
 */
public record UserRegistered(UUID userId, String displayName, Instant registeredAt) {

    public static final String TYPE = "mita.auth.user.registered.v1";
}
