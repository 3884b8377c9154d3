package io.mita.common.events;

import io.micrometer.observation.ObservationView;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.util.context.ContextView;

/** The W3C {@code traceparent} of the current span, as events carry it in their {@code traceparent} extension. */
public final class TraceParent {

    private TraceParent() {}

    /**
     * The span of the observation in a Reactor context (where WebFlux puts the request's server observation and a
     * Kafka listener's {@code contextCapture()} the consumer's), else the tracer's thread-local current span:
     * read this way it needs no thread locals restored inside the chain ({@code context-propagation: limited}).
     * Null without either.
     */
    public static String of(ContextView context, Tracer tracer) {
        ObservationView observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        // an observation without a span of its own (a library's, not traced) is inside its parent's span
        for (int depth = 0; observation != null && depth < 8; depth++) {
            Span span = spanOf(observation);
            if (span != null) {
                return of(span.context());
            }
            observation = observation.getContextView().getParentObservation();
        }
        return current(tracer);
    }

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

    private static Span spanOf(ObservationView observation) {
        TracingObservationHandler.TracingContext tracing =
                observation.getContextView().get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
