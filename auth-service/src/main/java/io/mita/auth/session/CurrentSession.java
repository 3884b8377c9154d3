package io.mita.auth.session;

import io.mita.auth.token.AccessTokenIssuer;
import java.util.UUID;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The login session of the caller's access token (its {@code sid} claim); empty for tokens without one. */
final class CurrentSession {

    private CurrentSession() {}

    static Mono<UUID> id() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .ofType(JwtAuthenticationToken.class)
                .mapNotNull(
                        authentication -> authentication.getToken().getClaimAsString(AccessTokenIssuer.SESSION_CLAIM))
                .flatMap(sid -> {
                    try {
                        return Mono.just(UUID.fromString(sid));
                    } catch (IllegalArgumentException e) {
                        return Mono.empty();
                    }
                });
    }
}
