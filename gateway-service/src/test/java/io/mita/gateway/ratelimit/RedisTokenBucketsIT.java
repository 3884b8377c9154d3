package io.mita.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.RedisTestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import reactor.core.publisher.Flux;

/** The Lua token bucket against the tests' own Redis ({@link RedisTestServer}), under a key prefix of its own. */
class RedisTokenBucketsIT {

    private static final String PREFIX = "mita:rl:script-test:" + UUID.randomUUID();
    private static LettuceConnectionFactory factory;
    private static ReactiveStringRedisTemplate redis;
    private static RedisTokenBuckets buckets;

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(RedisTestServer.host(), RedisTestServer.port());
        factory.afterPropertiesSet();
        factory.start();
        redis = new ReactiveStringRedisTemplate(factory);
        buckets = new RedisTokenBuckets(redis);
    }

    @AfterAll
    static void cleanUp() {
        redis.scan(ScanOptions.scanOptions().match(PREFIX + ":*").build())
                .flatMap(redis::delete)
                .blockLast();
        factory.destroy();
    }

    @Test
    void allowsTheCapacityThenRefusesWithTheWaitForTheNextToken() {
        Bucket bucket = bucket(10, Duration.ofMinutes(15));
        for (int i = 9; i >= 0; i--) {
            BucketState state = buckets.take(bucket).block();
            assertThat(state.allowed()).isTrue();
            assertThat(state.remaining()).isEqualTo(i);
        }

        BucketState refused = buckets.take(bucket).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.millisUntilToken()).isBetween(85_000L, 90_000L);
        assertThat(refused.millisUntilFull()).isBetween(895_000L, 900_000L);
    }

    @Test
    void refillsWithTime() throws InterruptedException {
        Bucket bucket = bucket(2, Duration.ofMillis(400));
        assertThat(buckets.take(bucket).block().allowed()).isTrue();
        assertThat(buckets.take(bucket).block().allowed()).isTrue();
        assertThat(buckets.take(bucket).block().allowed()).isFalse();

        Thread.sleep(250);

        assertThat(buckets.take(bucket).block().allowed()).isTrue();
    }

    @Test
    void neverOverspendsABucketUnderConcurrentTakes() {
        Bucket bucket = bucket(50, Duration.ofHours(1));

        long allowed = Flux.range(0, 200)
                .flatMap(i -> buckets.take(bucket), 32)
                .filter(BucketState::allowed)
                .count()
                .block();

        assertThat(allowed).isEqualTo(50);
    }

    @Test
    void letsAnIdleBucketExpireAfterItsPeriod() {
        Bucket bucket = bucket(5, Duration.ofMinutes(30));
        buckets.take(bucket).block();

        assertThat(redis.getExpire(bucket.key()).block()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    }

    @Test
    void answersAPing() {
        assertThat(buckets.ping().block()).isEqualToIgnoringCase("PONG");
    }

    private static Bucket bucket(int capacity, Duration period) {
        return new Bucket("test", PREFIX + ":{test:" + UUID.randomUUID() + "}", capacity, period);
    }
}
