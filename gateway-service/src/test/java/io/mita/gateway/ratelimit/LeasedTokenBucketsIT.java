package io.mita.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.testsupport.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import reactor.core.publisher.Flux;

/**
 * Local shares of a bucket against the tests' own Redis ({@link RedisTestServer}): each "instance" has a Redis
 * connection of its own, as two gateways would. The limit holds exactly across instances, Redis is asked once
 * per batch and not per request, a refusal is remembered, and an expired share goes back to Redis.
 */
class LeasedTokenBucketsIT {

    private static final String PREFIX = "mita:rl:lease-test:" + UUID.randomUUID();
    private static final List<LettuceConnectionFactory> FACTORIES = new ArrayList<>();

    @BeforeAll
    static void checkRedis() {
        assertThat(RedisTestServer.port()).isPositive();
    }

    @AfterAll
    static void cleanUp() {
        ReactiveStringRedisTemplate redis = redis();
        redis.scan(ScanOptions.scanOptions().match(PREFIX + ":*").build())
                .flatMap(redis::delete)
                .blockLast();
        FACTORIES.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void oneInstanceGrantsExactlyTheCapacityAskingRedisOncePerBatchAndRemembersTheRefusal() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LeasedTokenBuckets gateway = instance(Duration.ofMinutes(5), meters);
        Bucket bucket = bucket(50, 10);

        long allowed = Flux.range(0, 200)
                .concatMap(i -> gateway.take(bucket))
                .filter(BucketState::allowed)
                .count()
                .block();

        assertThat(allowed).isEqualTo(50);
        assertThat(leases(meters))
                .as("five batches of ten, then one call that found the bucket empty")
                .isEqualTo(6);
        BucketState refused = gateway.take(bucket).block();
        assertThat(refused.allowed()).isFalse();
        // 50 tokens a day: the next one comes after 86400 / 50 = 1728 s
        assertThat(refused.millisUntilToken()).isBetween(1_700_000L, 1_728_000L);
        assertThat(leases(meters))
                .as("the refusal is remembered until the next token")
                .isEqualTo(6);
    }

    @Test
    void theRemainingCountsDownAcrossBatchesAsIfEveryRequestAskedRedis() {
        LeasedTokenBuckets gateway = instance(Duration.ofMinutes(5), new SimpleMeterRegistry());
        Bucket bucket = bucket(20, 10);

        for (int i = 19; i >= 0; i--) {
            BucketState state = gateway.take(bucket).block();
            assertThat(state.allowed()).isTrue();
            assertThat(state.remaining()).isEqualTo(i);
        }
        assertThat(gateway.take(bucket).block().allowed()).isFalse();
    }

    @Test
    void twoInstancesSharingRedisNeverGrantMoreThanTheCapacityTogether() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LeasedTokenBuckets first = instance(Duration.ofMinutes(5), meters);
        LeasedTokenBuckets second = instance(Duration.ofMinutes(5), meters);
        Bucket bucket = bucket(50, 10);

        List<BucketState> states = Flux.range(0, 400)
                .flatMap(i -> (i % 2 == 0 ? first : second).take(bucket), 32)
                .collectList()
                .block();

        assertThat(states.stream().filter(BucketState::allowed).count()).isEqualTo(50);
        assertThat(leases(meters))
                .as("one Redis call per batch and per instance that found the bucket empty, not one per request")
                .isLessThanOrEqualTo(50 / 10 + 2 * 2);
    }

    @Test
    void anExpiredShareIsGivenBackToRedisForTheOtherInstances() throws InterruptedException {
        LeasedTokenBuckets first = instance(Duration.ofMillis(300), new SimpleMeterRegistry());
        LeasedTokenBuckets second = instance(Duration.ofMinutes(5), new SimpleMeterRegistry());
        Bucket bucket = bucket(10, 5);

        assertThat(first.take(bucket).block().allowed()).isTrue(); // first holds 4 more, Redis 5
        Thread.sleep(400);
        assertThat(first.take(bucket).block().allowed())
                .as("the expired 4 go back with the next batch: Redis 9, first takes 5 (holds 4), Redis 4")
                .isTrue();

        long grantedToSecond = Flux.range(0, 10)
                .concatMap(i -> second.take(bucket))
                .filter(BucketState::allowed)
                .count()
                .block();

        assertThat(grantedToSecond)
                .as("without the give-back Redis would have had nothing left")
                .isEqualTo(4);
    }

    @Test
    void aBatchOfOneAsksRedisForEveryRequest() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LeasedTokenBuckets gateway = instance(Duration.ofMinutes(5), meters);
        Bucket bucket = new Bucket("test", PREFIX + ":{test:" + UUID.randomUUID() + "}", 3, Duration.ofDays(1), 1);

        for (int i = 0; i < 3; i++) {
            assertThat(gateway.take(bucket).block().allowed()).isTrue();
        }

        assertThat(leases(meters)).isEqualTo(3);
    }

    @Test
    void requestsThatFindTheirBatchSpentByOthersWaitForTheNextCallUntilEachIsAnswered() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LeasedTokenBuckets gateway = instance(Duration.ofMinutes(5), meters);
        Bucket bucket = bucket(100, 2);

        // all 40 wait for the first call; each call's 2 tokens go to 2 of them, the rest go round again
        List<BucketState> states = atOnce(40, gateway, bucket);

        assertThat(states).hasSize(40).allMatch(BucketState::allowed);
        assertThat(leases(meters)).as("one call per batch, none wasted").isEqualTo(20);
    }

    @Test
    void requestsWaitingRoundAfterRoundGetTheRefusalOnceTheBucketIsEmpty() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LeasedTokenBuckets gateway = instance(Duration.ofMinutes(5), meters);
        Bucket bucket = bucket(6, 2);

        List<BucketState> states = atOnce(40, gateway, bucket);

        assertThat(states).hasSize(40);
        assertThat(states.stream().filter(BucketState::allowed).count()).isEqualTo(6);
        assertThat(leases(meters))
                .as("three batches, then one call that found the bucket empty; its refusal answers all the others")
                .isEqualTo(4);
    }

    /** Requests that all ask before the first call to Redis has answered. */
    private static List<BucketState> atOnce(int requests, LeasedTokenBuckets gateway, Bucket bucket) {
        return Flux.range(0, requests)
                .flatMap(i -> gateway.take(bucket), requests)
                .collectList()
                .block();
    }

    private static LeasedTokenBuckets instance(Duration maxAge, SimpleMeterRegistry meters) {
        return new LeasedTokenBuckets(
                new RedisTokenBuckets(redis()), 1000, Duration.ofDays(1), maxAge, System::nanoTime, meters);
    }

    /** A connection of its own, as another gateway instance would have. */
    private static ReactiveStringRedisTemplate redis() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(RedisTestServer.host(), RedisTestServer.port());
        factory.afterPropertiesSet();
        factory.start();
        FACTORIES.add(factory);
        return new ReactiveStringRedisTemplate(factory);
    }

    /** A bucket that refills over a day: no token comes back during a test. */
    private static Bucket bucket(int capacity, int batch) {
        return new Bucket("test", PREFIX + ":{test:" + UUID.randomUUID() + "}", capacity, Duration.ofDays(1), batch);
    }

    private static double leases(SimpleMeterRegistry meters) {
        return meters.get(LeasedTokenBuckets.LEASES_METRIC)
                .tag("rule", "test")
                .counter()
                .count();
    }
}
