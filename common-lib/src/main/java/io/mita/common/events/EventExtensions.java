package io.mita.common.events;

import io.cloudevents.CloudEvent;

/** The CloudEvents extension attributes MITA puts on every event, and how to read them back. */
public final class EventExtensions {

    public static final String CORRELATION_ID = "correlationid";
    public static final String ACTOR_ID = "actorid";
    public static final String TRACEPARENT = "traceparent";

    private EventExtensions() {}

    public static String correlationId(CloudEvent event) {
        return stringOrNull(event.getExtension(CORRELATION_ID));
    }

    public static String actorId(CloudEvent event) {
        return stringOrNull(event.getExtension(ACTOR_ID));
    }

    public static String traceparent(CloudEvent event) {
        return stringOrNull(event.getExtension(TRACEPARENT));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
