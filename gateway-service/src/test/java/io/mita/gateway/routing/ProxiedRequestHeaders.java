package io.mita.gateway.routing;

import java.util.List;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;

/** The request-headers filter as the gateway builds it by default, with the edits a test names. */
final class ProxiedRequestHeaders {

    private ProxiedRequestHeaders() {}

    /** Spring's default hop-by-hop set, {@code Forwarded} and {@code X-Forwarded-*} dropped, then these edits. */
    static ProxiedRequestHeadersFilter with(ProxiedRequestHeaderEdit... edits) {
        return new ProxiedRequestHeadersFilter(
                HopByHopAndForwardedHeadersFilter.forRequests(
                        new RemoveHopByHopHeadersFilter().getHeaders(), true, true, 0),
                List.of(edits),
                0);
    }
}
