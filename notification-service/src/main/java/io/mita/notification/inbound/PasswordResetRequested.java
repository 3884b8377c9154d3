package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of auth-service's {@code mita.auth.password-reset.requested.v1} payload
 * (docs/events/mita.auth.password-reset.requested.v1.json). The e-mail address and the reset token are
 * inside {@code delivery}, sealed for this service; nothing else in it is secret.
 *
 * @param delivery {@code v1.<base64url IV>.<base64url ciphertext+tag>}, AES-256-GCM with {@code requestId} as AAD
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordResetRequested(UUID userId, UUID requestId, Instant expiresAt, String delivery) {

    public static final String TYPE = "mita.auth.password-reset.requested.v1";

    /** Which required member is missing, or null when the payload is complete. */
    public String missingMember() {
        if (userId == null) {
            return "userId";
        }
        if (requestId == null) {
            return "requestId";
        }
        if (expiresAt == null) {
            return "expiresAt";
        }
        if (delivery == null || delivery.isBlank()) {
            return "delivery";
        }
        return null;
    }
}
