package io.mita.gateway.securityevents;

import java.time.Instant;
import java.util.List;

/**
 * The payload of {@code mita.gateway.access.denied.v1}: how often one client was refused (401, 403 or
 * 429) on one route within one window. One event per client, status and route per window, however
 * many requests were refused, so an attack cannot flood Kafka. When a window holds more distinct
 * clients than the gateway keeps, the rest are counted in one event with {@code overflow} true,
 * {@code clientKey} {@code overflow}, {@code status} 0 and {@code route} {@code *}.
 *
 * @param clientKey            {@code user:<user id>} for a verified token, else
 *                             {@code anonymous:<first 16 hex digits of the SHA-256 of the client's IP address>}
 * @param status               the HTTP status the client got
 * @param route                the route (downstream service) the requests were for, {@code none} if no route matched
 * @param count                refused requests in the window
 * @param windowStart          the window's first instant
 * @param windowEnd            the instant after the window's last
 * @param sampleCorrelationIds the correlation ids of up to three of the refused requests
 * @param overflow             whether this event counts the clients that did not fit
 */
public record AccessDenied(
        String clientKey,
        int status,
        String route,
        long count,
        Instant windowStart,
        Instant windowEnd,
        List<String> sampleCorrelationIds,
        boolean overflow) {

    public static final String TYPE = "mita.gateway.access.denied.v1";
    static final String OVERFLOW_KEY = "overflow";
    static final String USER_PREFIX = "user:";

    public AccessDenied {
        sampleCorrelationIds = List.copyOf(sampleCorrelationIds);
    }
}
