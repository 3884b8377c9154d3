package io.mita.common.erasure;

import io.mita.common.security.CurrentActor;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses every request, reads and writes alike, made with a still-valid access token (≤ 15 minutes) of a user whose
 * account was erased: 401 problem+json {@value AccountErasedException#CODE}. It runs after the security filter chain
 * (which verified the token) and asks {@link RecentErasures} only: no database round trip per request. Requests
 * without a user token (open paths, probes) pass.
 */
public class ErasedUserWebFilter implements WebFilter, Ordered {

    /** After Spring Security's chain ({@code -100}), before the handlers. */
    public static final int ORDER = 0;

    private final RecentErasures recent;

    public ErasedUserWebFilter(RecentErasures recent) {
        this.recent = recent;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return CurrentActor.user()
                .filter(user -> recent.contains(user.userId()))
                .flatMap(erased -> Mono.<Void>error(new AccountErasedException()))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
