package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnknownKidThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final UnknownKidThrottle throttle = new UnknownKidThrottle(Duration.ofSeconds(1), clock);

    @Test
    void keysLoadedLessThanASecondAgoAreNotReloaded() {
        Instant loadedAt = clock.instant();
        clock.advance(Duration.ofMillis(999));

        assertThat(throttle.tryClaim(loadedAt)).isFalse();
        clock.advance(Duration.ofMillis(2));
        assertThat(throttle.tryClaim(loadedAt)).isTrue();
    }

    @Test
    void afterOneUnknownKidWentToTheDatabaseTheNextGoesOnlyASecondLater() {
        Instant loadedLongAgo = clock.instant().minus(Duration.ofMinutes(1));

        assertThat(throttle.tryClaim(loadedLongAgo)).isTrue();
        assertThat(throttle.tryClaim(loadedLongAgo)).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(throttle.tryClaim(loadedLongAgo)).isFalse();
        clock.advance(Duration.ofMillis(501));
        assertThat(throttle.tryClaim(loadedLongAgo)).isTrue();
    }

    @Test
    void fiftyUnknownKidsInTwoAndAHalfSecondsClaimAtMostThreeReloads() {
        Instant loadedLongAgo = clock.instant().minus(Duration.ofMinutes(1));
        int claims = 0;
        for (int i = 0; i < 50; i++) {
            if (throttle.tryClaim(loadedLongAgo)) {
                claims++;
            }
            clock.advance(Duration.ofMillis(50));
        }

        assertThat(claims).isBetween(2, 3);
    }
}
