package io.mita.gateway.erasure;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway's copy of auth-service's {@code mita.auth.user.erased.v1} payload (what it reads of it; the golden file
 * {@code docs/events/mita.auth.user.erased.v1.json} keeps it honest).
 */
record UserErased(UUID userId, Instant erasedAt) {

    static final String TYPE = "mita.auth.user.erased.v1";
}
