package io.mita.gateway.routing;

import io.mita.common.correlation.CorrelationId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's correlation id (the exchange's {@link CorrelationId#CONTEXT_KEY} attribute) when the request
 * did not come with exactly that id, replacing the client's: the gateway's {@code CorrelationIdWebFilter} leaves the
 * request as received ({@code GatewayCorrelationIdConfiguration}), so a request without a well-formed id is not copied
 * and mutated once more before routing (issue 14, "sixth pass").
 */
final class CorrelationIdHeader implements ProxiedRequestHeaderEdit {

    @Override
    public void edit(EditedHeaders headers, ServerWebExchange exchange) {
        String correlationId = exchange.getAttribute(CorrelationId.CONTEXT_KEY);
        if (correlationId != null && !carriesOnly(headers.current(), correlationId)) {
            headers.writable().set(CorrelationId.HEADER, correlationId);
        }
    }

    /** The request came with exactly this id (a well-formed one of the client's: the gateway kept it). */
    private static boolean carriesOnly(HttpHeaders headers, String correlationId) {
        List<String> received = headers.get(CorrelationId.HEADER);
        return received != null && received.size() == 1 && received.get(0).equals(correlationId);
    }
}
