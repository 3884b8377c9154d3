package io.mita.auth.session;

import io.mita.auth.token.IssuedAccessToken;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Issues a session's access token with the user's roles as stored now ({@link RoleBasedAccessTokens}; a fake
 * in the unit tests).
 */
interface AccessTokens {

    /** @param sessionId the login session the token belongs to (its {@code sid} claim) */
    Mono<IssuedAccessToken> issueFor(UUID userId, UUID sessionId);
}
