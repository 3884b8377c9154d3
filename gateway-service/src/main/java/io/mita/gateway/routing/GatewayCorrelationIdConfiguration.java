package io.mita.gateway.routing;

import io.mita.common.correlation.CorrelationIdWebFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's correlation id filter leaves the request as received: {@link TraceContextForwardingFilter} writes
 * the id into the copy of the headers the proxied request is made from, so a request without a well-formed id (most
 * clients send none) is no longer copied and mutated before routing as well (issue 14, "sixth pass").
 */
@Configuration(proxyBeanMethods = false)
class GatewayCorrelationIdConfiguration {

    @Bean
    CorrelationIdWebFilter correlationIdWebFilter() {
        return CorrelationIdWebFilter.leavingTheRequestAsReceived();
    }
}
