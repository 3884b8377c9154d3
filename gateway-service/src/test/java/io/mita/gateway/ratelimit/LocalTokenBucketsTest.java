package io.mita.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalTokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(1000, Duration.ofHours(1), nanos::get);
    private final Bucket login = new Bucket("loginip", "k:{loginip:a}", 10, Duration.ofMinutes(15));

    @Test
    void allowsTheCapacityThenRefusesUntilATokenHasRefilled() {
        for (int i = 9; i >= 0; i--) {
            BucketState state = buckets.take(login);
            assertThat(state.allowed()).isTrue();
            assertThat(state.remaining()).isEqualTo(i);
        }

        BucketState refused = buckets.take(login);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.millisUntilToken()).isEqualTo(90_000);
        assertThat(refused.millisUntilFull()).isEqualTo(900_000);

        advance(Duration.ofSeconds(90));
        assertThat(buckets.take(login).allowed()).isTrue();
        assertThat(buckets.take(login).allowed()).isFalse();
    }

    @Test
    void refillsContinuouslyButNeverAboveTheCapacity() {
        buckets.take(login);
        buckets.take(login);
        advance(Duration.ofHours(2));

        assertThat(buckets.take(login).remaining()).isEqualTo(9);
    }

    @Test
    void keepsOneBucketPerKey() {
        Bucket other = new Bucket("loginip", "k:{loginip:b}", 10, Duration.ofMinutes(15));
        for (int i = 0; i < 10; i++) {
            buckets.take(login);
        }

        assertThat(buckets.take(login).allowed()).isFalse();
        assertThat(buckets.take(other).allowed()).isTrue();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfBuckets() {
        LocalTokenBuckets bounded = new LocalTokenBuckets(100, Duration.ofHours(1), nanos::get);
        for (int i = 0; i < 1000; i++) {
            bounded.take(new Bucket("default", "k:{default:" + i + "}", 5, Duration.ofHours(1)));
        }

        assertThat(bounded.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void describesTheBucketThatBindsInTheVerdict() {
        Bucket ip = new Bucket("loginip", "ip", 10, Duration.ofMinutes(15));
        Bucket email = new Bucket("loginemail", "email", 10, Duration.ofMinutes(15));
        BucketState plenty = new BucketState(true, 8, 180_000, 0);
        BucketState few = new BucketState(true, 2, 720_000, 0);
        BucketState empty = new BucketState(false, 0, 900_000, 61_500);

        RateLimitVerdict allowed = RateLimitVerdict.of(List.of(ip, email), List.of(plenty, few));
        RateLimitVerdict refused = RateLimitVerdict.of(List.of(ip, email), List.of(plenty, empty));

        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.binding()).isEqualTo(email);
        assertThat(allowed.resetSeconds()).isEqualTo(720);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.state().remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(62);
        assertThat(refused.limit()).isEqualTo(10);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
