package io.mita.notification.mail;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: after failure n (1-based) the wait is a random duration in
 * [d/2, d] where d = min(initial × 2^(n-1), max). Half of it is kept so that a retry never comes at once.
 */
final class BackOff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    BackOff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration after(int failures) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << exponent));
        long wait = ceiling / 2 + Math.round((ceiling - ceiling / 2) * random.getAsDouble());
        return Duration.ofMillis(Math.min(wait, ceiling));
    }
}
