package io.mita.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis: each take is one atomic Lua script (sent by its SHA, loaded on first use),
 * so concurrent requests on any number of gateway instances never over-spend a bucket.
 */
class RedisTokenBuckets {

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Object>> SCRIPT = (RedisScript)
            RedisScript.of(new ClassPathResource("io/mita/gateway/ratelimit/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** One token for one request. */
    Mono<BucketState> take(Bucket bucket) {
        return run(bucket, 1, 0).map(BucketState::fromScript);
    }

    /**
     * Up to {@code most} tokens for a gateway's local share (as many whole tokens as the bucket has, or none),
     * after giving back {@code returned} tokens of an expired share.
     */
    Mono<Grant> lease(Bucket bucket, int most, int returned) {
        return run(bucket, most, returned).map(Grant::fromScript);
    }

    /** What a lease got: {@code granted} tokens (0: the bucket is empty) and the bucket after it. */
    record Grant(int granted, BucketState state) {

        static Grant fromScript(List<?> reply) {
            BucketState state = BucketState.fromScript(reply);
            return new Grant((int) Long.parseLong(reply.get(0).toString()), state);
        }
    }

    private Mono<List<Object>> run(Bucket bucket, int most, int returned) {
        return redis.execute(
                        SCRIPT,
                        List.of(bucket.key()),
                        List.of(
                                Integer.toString(bucket.capacity()),
                                Long.toString(bucket.period().toMillis()),
                                Integer.toString(most),
                                Integer.toString(returned)))
                .collectList()
                .map(RedisTokenBuckets::flatten);
    }

    /** PONG, or an error when Redis cannot be reached. */
    Mono<String> ping() {
        return redis.execute(connection -> connection.ping()).next();
    }

    /** A multi-bulk reply arrives as one list or as its elements, depending on the driver. */
    private static List<Object> flatten(List<?> emitted) {
        List<Object> values = new ArrayList<>();
        for (Object element : emitted) {
            if (element instanceof List<?> list) {
                values.addAll(list);
            } else {
                values.add(element);
            }
        }
        return values;
    }
}
