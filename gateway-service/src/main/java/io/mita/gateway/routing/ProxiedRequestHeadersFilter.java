package io.mita.gateway.routing;

import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's one filter of a proxied request's headers, in at most one copy of them per request (issue 14, "eighth
 * pass"): first the headers a proxy does not pass on are dropped ({@link HopByHopAndForwardedHeadersFilter}, which
 * copies only when something goes), then each {@link ProxiedRequestHeaderEdit} writes into that copy, or into one made
 * for the first edit that writes when the removal made none ({@link EditedHeaders}). Headers with nothing to drop and nothing
 * to write pass on as they are. The edits ({@link ProxiedHeadersConfiguration}, in this order): identity headers
 * dropped, the gateway's correlation id, the trace context, the client's address as {@code X-Forwarded-For}.
 */
final class ProxiedRequestHeadersFilter implements HttpHeadersFilter, Ordered {

    private final HttpHeadersFilter removal;
    private final ProxiedRequestHeaderEdit[] edits;
    private final int order;

    /**
     * @param removal drops what a proxy does not pass on and answers either its input or a copy of its own (that no
     *                one else holds: the edits write into it)
     * @param edits   applied in this order
     * @param order   where the filter runs among the gateway's header filters
     */
    ProxiedRequestHeadersFilter(HttpHeadersFilter removal, List<ProxiedRequestHeaderEdit> edits, int order) {
        this.removal = removal;
        this.edits = edits.toArray(ProxiedRequestHeaderEdit[]::new);
        this.order = order;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders removed = removal.filter(input, exchange);
        EditedHeaders headers = new EditedHeaders(removed, removed != input);
        for (ProxiedRequestHeaderEdit edit : edits) {
            edit.edit(headers, exchange);
        }
        return headers.current();
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /**
     * Where Spring's hop-by-hop filter ran ({@code ...remove-hop-by-hop.order}, by default just before the last):
     * after {@code TransferEncodingNormalizationHeadersFilter}, which must still see {@code Transfer-Encoding}.
     */
    @Override
    public int getOrder() {
        return order;
    }
}
