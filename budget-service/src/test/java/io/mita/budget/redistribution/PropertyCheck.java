package io.mita.budget.redistribution;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test harness: checks a property over many generated inputs and, when one fails, says
 * which seed reproduces it. It stands in for jqwik (docs/decisions.md, "Property tests without jqwik").
 *
 * <p>{@code -Dmita.property.tries=N} sets the number of inputs per property (default 500); {@code
 * -Dmita.property.seed=S} replays a run (each run otherwise starts from a fresh random seed, printed on failure).
 */
final class PropertyCheck {

    static final int TRIES = Integer.getInteger("mita.property.tries", 500);

    private static final int MAX_SHOWN_INPUT = 6000;

    private PropertyCheck() {}

    /** Checks {@code property} on {@link #TRIES} inputs made by {@code generator}; rethrows the first failure. */
    static <T> void forAll(Function<SplittableRandom, T> generator, Consumer<T> property) {
        Long fixed = Long.getLong("mita.property.seed");
        long seed = fixed != null ? fixed : ThreadLocalRandom.current().nextLong();
        SplittableRandom root = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            T input = generator.apply(root.split());
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failure) {
                String shown = String.valueOf(input);
                if (shown.length() > MAX_SHOWN_INPUT) {
                    shown = shown.substring(0, MAX_SHOWN_INPUT) + "…";
                }
                throw new AssertionError(
                        "property failed on try " + attempt + " of " + TRIES + "; replay with -Dmita.property.seed="
                                + seed + "\ninput: " + shown + "\n" + failure.getMessage(),
                        failure);
            }
        }
    }
}
