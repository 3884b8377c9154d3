package io.mita.common.lifecycle;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * While the process drains ({@link ShutdownDrain#isDraining()}), every answer carries {@code Connection: close} and
 * the server closes the connection after it. A caller that pools keep-alive connections (the gateway) so holds no
 * idle connection to this process when its listener closes: an idle pooled connection closed by the graceful shutdown
 * at the moment a request is written on it is the one HTTP/1.1 race in which the request may be taken in and
 * committed while its answer is lost. Connections opened during the drain serve one request each. The services speak
 * HTTP/1.1 to each other (the header is not allowed in HTTP/2).
 */
public class ConnectionCloseWhileDraining implements WebFilter, Ordered {

    private final ShutdownDrain drain;

    public ConnectionCloseWhileDraining(ShutdownDrain drain) {
        this.drain = drain;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (drain.isDraining()) {
            // just before the headers go out, so nothing written later (a proxied answer's headers) drops it
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    /** First: the decision is taken once per request, before any other filter can answer. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
