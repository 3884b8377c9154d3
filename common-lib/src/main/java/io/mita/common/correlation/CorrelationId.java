package io.mita.common.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/** The correlation id of the current request: its header, its Reactor context key, its log key. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Reactor context key and MDC key. */
    public static final String CONTEXT_KEY = "correlationId";

    private static final int MAX_LENGTH = 64;

    private CorrelationId() {}

    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(from(context)));
    }

    public static Optional<String> from(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY).map(Object::toString);
    }

    /** A client's id is kept only when it is well formed; anything else is replaced by a new one. */
    public static String acceptOrCreate(String candidate) {
        return isWellFormed(candidate) ? candidate : create();
    }

    /**
     * 1 to 64 characters of {@code [A-Za-z0-9._:-]}: checked character by character, as this runs on every
     * request of every process (a regular expression cost a matcher per request, issue 14).
     */
    static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4 layout) UUID from the thread's own generator: a correlation id must be unique, not
     * unpredictable (it is no secret and proves nothing), so it need not take the shared {@code SecureRandom}
     * that {@link UUID#randomUUID()} locks on every request.
     */
    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
