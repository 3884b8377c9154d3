package io.mita.common.logging;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.function.Consumer;
import reactor.core.publisher.Signal;
import reactor.util.context.ContextView;

/**
 * Log lines written inside a reactive chain, with the ids of the request (or consumed event) the chain serves.
 * The processes run {@code spring.reactor.context-propagation: limited}: Reactor does not restore the thread
 * locals (logging MDC, current observation) at each signal, so a plain {@code log.info} inside
 * {@code doOnNext} on an R2DBC or Netty thread would carry no {@code correlationId}, {@code traceId} or
 * {@code spanId}. These set them from the subscriber's Reactor context for the duration of the log call only:
 * <pre>{@code
 * .doOnEach(LogContext.onNext(revoked -> log.warn("revoked session {}", revoked)))
 * .doOnEach(LogContext.onError(failure -> log.warn("failed: {}", failure.toString())))
 * }</pre>
 * Use them for log lines only; code that needs the request's data reads the Reactor context itself.
 */
public final class LogContext {

    private static final ContextSnapshotFactory SNAPSHOTS =
            ContextSnapshotFactory.builder().build();

    private LogContext() {}

    /** Runs {@code logCall} with the thread locals set from {@code context}, and restores them afterwards. */
    public static void run(ContextView context, Runnable logCall) {
        try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
            logCall.run();
        }
    }

    /** For {@code doOnEach}: logs each value, in its subscriber's context. */
    public static <T> Consumer<Signal<T>> onNext(Consumer<? super T> logCall) {
        return signal -> {
            if (signal.isOnNext()) {
                T value = signal.get();
                run(signal.getContextView(), () -> logCall.accept(value));
            }
        };
    }

    /** For {@code doOnEach}: logs the completion (e.g. of a {@code Mono<Void>}), in its subscriber's context. */
    public static <T> Consumer<Signal<T>> onComplete(Runnable logCall) {
        return signal -> {
            if (signal.isOnComplete()) {
                run(signal.getContextView(), logCall);
            }
        };
    }

    /** For {@code doOnEach}: logs the failure, in its subscriber's context (the error still goes on). */
    public static <T> Consumer<Signal<T>> onError(Consumer<Throwable> logCall) {
        return signal -> {
            if (signal.isOnError()) {
                Throwable failure = signal.getThrowable();
                run(signal.getContextView(), () -> logCall.accept(failure));
            }
        };
    }
}
