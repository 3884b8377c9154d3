package io.mita.gateway.ratelimit;

import java.util.List;

/**
 * The answer for one request across all its buckets: allowed only if every bucket had a token. The
 * headers describe the bucket that binds: the one that denied (with the longest wait) or, when all
 * allowed, the one with the fewest tokens left.
 */
record RateLimitVerdict(boolean allowed, Bucket binding, BucketState state) {

    static RateLimitVerdict of(List<Bucket> buckets, List<BucketState> states) {
        int binding = -1;
        for (int i = 0; i < buckets.size(); i++) {
            if (binding < 0 || binds(states.get(i), states.get(binding))) {
                binding = i;
            }
        }
        BucketState state = states.get(binding);
        return new RateLimitVerdict(states.stream().allMatch(BucketState::allowed), buckets.get(binding), state);
    }

    private static boolean binds(BucketState candidate, BucketState current) {
        if (candidate.allowed() != current.allowed()) {
            return !candidate.allowed();
        }
        if (!candidate.allowed()) {
            return candidate.millisUntilToken() > current.millisUntilToken();
        }
        return candidate.remaining() < current.remaining()
                || (candidate.remaining() == current.remaining()
                        && candidate.millisUntilFull() > current.millisUntilFull());
    }

    long limit() {
        return binding.capacity();
    }

    /** Whole seconds until the binding bucket is full again (rounded up). */
    long resetSeconds() {
        return ceilSeconds(state.millisUntilFull());
    }

    /** Whole seconds until a denied request may try again (rounded up, at least 1). */
    long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(state.millisUntilToken()));
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
