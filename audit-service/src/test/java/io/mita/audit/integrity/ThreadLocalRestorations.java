package io.mita.audit.integrity;

import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.util.context.Context;

/**
 * Counts how often Reactor sets a thread local from a subscriber's context: a thread-local accessor registered in the
 * global {@link ContextRegistry} for the length of a test, under a key of its own that the caller puts into the
 * Reactor context of what it subscribes ({@link #caller()}), as a request puts its observation and correlation id.
 */
final class ThreadLocalRestorations implements AutoCloseable {

    private final String key = "test-restorations-" + UUID.randomUUID();
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final AtomicLong restorations = new AtomicLong();

    private ThreadLocalRestorations() {}

    static ThreadLocalRestorations counted() {
        ThreadLocalRestorations counter = new ThreadLocalRestorations();
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        counter.key, counter.current::get, counter::restored, counter.current::remove);
        return counter;
    }

    private void restored(String value) {
        restorations.incrementAndGet();
        current.set(value);
    }

    /** For {@code contextWrite}: the caller's context with an entry this counter's accessor restores. */
    Function<Context, Context> caller() {
        return context -> context.put(key, "caller");
    }

    /** How often the entry was set as the thread local since the last call, and starts counting again. */
    long takeCount() {
        return restorations.getAndSet(0);
    }

    @Override
    public void close() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(key);
    }
}
