package io.mita.auth.erasure;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.user.erased.v1}: the account is gone (GDPR Art. 17); every service deletes or anonymises the
 * user's data, audit-service destroys the user's key. No e-mail address. Golden file:
 * {@code docs/events/mita.auth.user.erased.v1.json}.
 *
 * @param erasedBy {@value #SELF} (the user, after re-authenticating) or {@value #ADMIN}
 */
public record UserErased(UUID userId, Instant erasedAt, String erasedBy) {

    public static final String TYPE = "mita.auth.user.erased.v1";
    public static final String SELF = "SELF";
    public static final String ADMIN = "ADMIN";
}
