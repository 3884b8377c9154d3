package io.mita.gateway.erasure;

import io.mita.common.erasure.AccountErasedException;
import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.caller.Clients;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses at the edge a still-valid access token of a user whose account was erased: 401 problem+json
 * {@code AUTH_ACCOUNT_ERASED} (common-lib's {@link AccountErasedException}, the code the services answer too). Runs
 * after the token check has remembered the verified user id; asks {@link ErasedAccounts} only (no I/O). Requests
 * without a user token pass.
 */
class ErasedAccountWebFilter implements WebFilter, Ordered {

    private final ErasedAccounts erased;

    ErasedAccountWebFilter(ErasedAccounts erased) {
        this.erased = erased;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Clients.userId(exchange).filter(erased::contains).isPresent()
                ? Mono.error(new AccountErasedException())
                : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.ERASED_ACCOUNTS;
    }
}
