package io.mita.common.security;

import io.mita.common.problem.ProblemException;
import io.mita.common.problem.Problems;
import org.springframework.core.MethodParameter;
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
        return CurrentActor.user()
                .cast(Object.class)
                .switchIfEmpty(Mono.error(CurrentUserArgumentResolver::unauthenticated));
    }

    /** The authenticated user, see {@link CurrentActor#user()} (kept for callers outside controllers). */
    public static Mono<CurrentUser> current() {
        return CurrentActor.user();
    }

    private static ProblemException unauthenticated() {
        var problem = Problems.unauthenticated();
        return new ProblemException(problem.status(), problem.code(), problem.title(), problem.detail());
    }
}
