package io.mita.auth.password;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.password-reset.requested.v1}: a user who exists asked for a password reset;
 * notification-service opens {@code delivery} (the e-mail address and the token, sealed for it alone) and
 * sends the e-mail. Neither appears in clear here, so neither reaches the audit store or a log.
 * Format and golden file: {@code docs/events/mita.auth.password-reset.requested.v1.md} / {@code .json}.
 */
public record PasswordResetRequested(UUID userId, UUID requestId, Instant expiresAt, String delivery) {

    public static final String TYPE = "mita.auth.password-reset.requested.v1";
}
