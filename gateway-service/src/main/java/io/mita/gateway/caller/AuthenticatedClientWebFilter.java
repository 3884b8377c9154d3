package io.mita.gateway.caller;

import io.mita.common.security.CurrentUserArgumentResolver;
import io.mita.gateway.WebFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs just inside Spring Security's chain and remembers the verified user id on the exchange, where
 * the rate limiter and the security-event recorder (which runs outside the security context) find it.
 */
@Component
class AuthenticatedClientWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return CurrentUserArgumentResolver.current()
                .doOnNext(user -> Clients.rememberUserId(exchange, user.actorId()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.AUTHENTICATED_CLIENT;
    }
}
