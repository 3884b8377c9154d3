package io.mita.gateway.routing;

import org.springframework.web.server.ServerWebExchange;

/**
 * One change the gateway makes to a proxied request's headers: a collaborator of {@link ProxiedRequestHeadersFilter},
 * which makes at most one copy of the headers per request and hands that copy to every edit that writes.
 */
interface ProxiedRequestHeaderEdit {

    /**
     * Makes the edit, if this request needs it: reads {@link EditedHeaders#current()} and writes only into
     * {@link EditedHeaders#writable()}, asked for only when there is something to drop or write (asking copies the
     * headers, once per request).
     */
    void edit(EditedHeaders headers, ServerWebExchange exchange);
}
