package io.mita.common.security;

import io.mita.common.problem.ProblemException;
import io.mita.common.problem.Problems;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Resolves {@link CurrentUser} controller parameters from the verified token; never from the request body. */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CurrentUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(
            MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        return current().cast(Object.class).switchIfEmpty(Mono.error(CurrentUserArgumentResolver::unauthenticated));
    }

    public static Mono<CurrentUser> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(CurrentUserArgumentResolver::toCurrentUser);
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

    private static ProblemException unauthenticated() {
        var problem = Problems.unauthenticated();
        return new ProblemException(problem.status(), problem.code(), problem.title(), problem.detail());
    }
}
