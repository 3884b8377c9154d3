package io.mita.common.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/** The W3C {@code traceparent} of the current span, as events carry it in their {@code traceparent} extension. */
public final class TraceParent {

    private TraceParent() {}

    /** {@code 00-<trace id>-<span id>-<01 if sampled, else 00>}, or null without a tracer or a current span. */
    public static String current(Tracer tracer) {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null ? null : of(span.context());
    }

    public static String of(TraceContext context) {
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00");
    }
}
