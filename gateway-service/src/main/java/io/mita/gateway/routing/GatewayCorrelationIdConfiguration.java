package io.mita.gateway.routing;

import io.mita.common.correlation.CorrelationIdWebFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's correlation id filter leaves the request as received: a new id goes on the response, into the
 * exchange's attribute and the Reactor context (common-lib's filter), and {@link CorrelationIdHeader} writes
 * it from the attribute into the copy of the headers the proxied request is made from, so a request without a
 * well-formed id (most clients send none) is no longer copied and mutated before routing as well (issue 14, "sixth
 * pass"). What reads the id in the gateway reads the attribute or the context, never the request's header.
 */
@Configuration(proxyBeanMethods = false)
class GatewayCorrelationIdConfiguration {

    @Bean
    CorrelationIdWebFilter correlationIdWebFilter() {
        return new CorrelationIdWebFilter(GatewayCorrelationIdConfiguration::leavingTheRequestAsReceived);
    }

    private static ServerWebExchange leavingTheRequestAsReceived(ServerWebExchange exchange, String id) {
        return exchange;
    }
}
