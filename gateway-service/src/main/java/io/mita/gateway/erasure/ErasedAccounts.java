package io.mita.gateway.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;

/**
 * The user ids whose account was erased within the last {@code window} (the access token's lifetime plus clock skew:
 * no token of a user erased earlier can still be valid), in memory: a request is checked without a round trip.
 * Filled by {@link UserErasedListener} from auth-service's {@code user.erased} events. Bounded: at most
 * {@code maximumSize} ids, each kept for the window after its erasure.
 */
public class ErasedAccounts {

    private final Duration window;
    private final Cache<String, Instant> erased;

    ErasedAccounts(Duration window, long maximumSize) {
        this.window = window;
        this.erased = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(maximumSize)
                .build();
    }

    /** Whether this user id's account was erased within the window, as far as this instance knows (no I/O). */
    public boolean contains(String userId) {
        return erased.getIfPresent(userId) != null;
    }

    /** An erasure at {@code erasedAt}; one older than the window is left out (no token of it can be valid). */
    void remember(String userId, Instant erasedAt, Instant now) {
        if (erasedAt.plus(window).isAfter(now)) {
            erased.put(userId, erasedAt);
        }
    }

    Duration window() {
        return window;
    }
}
