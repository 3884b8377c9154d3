package io.mita.gateway.routing;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * One change the gateway makes to a proxied request's headers: a collaborator of {@link ProxiedRequestHeadersFilter},
 * which makes at most one copy of the headers per request and hands that copy to every edit that applies.
 */
interface ProxiedRequestHeaderEdit {

    /** Whether this request's headers need the edit; reads {@code headers} and never writes into them. */
    boolean appliesTo(HttpHeaders headers, ServerWebExchange exchange);

    /** Makes the edit in the request's own copy of its headers (called only when {@link #appliesTo} said so). */
    void applyTo(HttpHeaders copy, ServerWebExchange exchange);
}
