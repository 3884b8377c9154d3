package io.mita.gateway.ratelimit;

import java.util.List;

/**
 * One bucket after a request took (or tried to take) a token.
 *
 * @param allowed          whether the request got its token
 * @param remaining        whole tokens left
 * @param millisUntilFull  until the bucket is full again
 * @param millisUntilToken until a denied request would get its token (0 when allowed)
 */
record BucketState(boolean allowed, long remaining, long millisUntilFull, long millisUntilToken) {

    /** The script's reply: {tokens granted, remaining, ms until full, ms until a token}; allowed when one was granted. */
    static BucketState fromScript(List<?> reply) {
        if (reply.size() != 4) {
            throw new IllegalStateException("unexpected token-bucket reply " + reply);
        }
        return new BucketState(
                number(reply.get(0)) >= 1, number(reply.get(1)), number(reply.get(2)), number(reply.get(3)));
    }

    private static long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(value.toString());
    }
}
