package io.mita.common.security;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who is acting in the current Reactor context: the user of the verified token the security filter chain
 * put there. The web layer resolves {@link CurrentUser} parameters with it, the outbox names the actor of
 * an event with it; neither reaches into the other.
 */
public final class CurrentActor {

    private CurrentActor() {}

    /** The authenticated user; empty without authentication or for a token whose subject is not a user id. */
    public static Mono<CurrentUser> user() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(CurrentActor::toCurrentUser);
    }

    /** The actor id events carry ({@link CurrentUser#actorId()}); empty for work no user caused. */
    public static Mono<String> id() {
        return user().map(CurrentUser::actorId);
    }

    private static Mono<CurrentUser> toCurrentUser(Authentication authentication) {
        UUID userId;
        try {
            userId = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException notAUserToken) {
            return Mono.empty();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        return Mono.just(new CurrentUser(userId, roles));
    }
}
