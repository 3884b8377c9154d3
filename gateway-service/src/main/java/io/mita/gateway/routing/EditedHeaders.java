package io.mita.gateway.routing;

import org.springframework.http.HttpHeaders;

/**
 * A proxied request's headers while {@link ProxiedRequestHeadersFilter}'s edits run (one per request): read as they
 * stand, and one writable copy handed out on the first write, the same copy to every later write. When the removal
 * already copied, that copy is the writable one.
 */
final class EditedHeaders {

    private HttpHeaders headers;
    private boolean writable;

    /**
     * @param headers  the headers after the removal
     * @param writable whether they are a copy of the request's own (the removal made one) rather than its input
     */
    EditedHeaders(HttpHeaders headers, boolean writable) {
        this.headers = headers;
        this.writable = writable;
    }

    /** The headers as they stand now, to read: never write into them. */
    HttpHeaders current() {
        return headers;
    }

    /** The request's one writable copy: made on the first call, the same one on every later call. */
    HttpHeaders writable() {
        if (!writable) {
            headers = HttpHeaders.copyOf(headers);
            writable = true;
        }
        return headers;
    }
}
