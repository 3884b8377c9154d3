package io.mita.auth.session;

import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.token.AccessTokenIssuer;
import io.mita.auth.token.IssuedAccessToken;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads the user's roles and signs an access token carrying them. */
@Component
class RoleBasedAccessTokens implements AccessTokens {

    private final UserRoleRepository roles;
    private final AccessTokenIssuer issuer;

    RoleBasedAccessTokens(UserRoleRepository roles, AccessTokenIssuer issuer) {
        this.roles = roles;
        this.issuer = issuer;
    }

    @Override
    public Mono<IssuedAccessToken> issueFor(UUID userId, UUID sessionId) {
        return roles.rolesOf(userId).map(granted -> issuer.issue(userId, granted, sessionId));
    }
}
