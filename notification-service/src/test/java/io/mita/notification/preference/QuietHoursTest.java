package io.mita.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void beforeMidnightInsideTheWindowMailWaitsForTheMorningInTheUsersZone() {
        // 21:30 UTC in January is 22:30 in Berlin
        Instant now = Instant.parse("2026-01-15T21:30:00Z");
        assertThat(night.releaseAt(now, BERLIN)).isEqualTo(Instant.parse("2026-01-16T06:00:00Z"));
    }

    @Test
    void afterMidnightInsideTheWindowMailWaitsForThisMorning() {
        Instant now = Instant.parse("2026-01-16T02:00:00Z"); // 03:00 Berlin
        assertThat(night.releaseAt(now, BERLIN)).isEqualTo(Instant.parse("2026-01-16T06:00:00Z"));
    }

    @Test
    void outsideTheWindowMailGoesNow() {
        Instant now = Instant.parse("2026-01-16T12:00:00Z");
        assertThat(night.releaseAt(now, BERLIN)).isEqualTo(now);
        Instant justAfter = Instant.parse("2026-01-16T06:00:00Z"); // 07:00 Berlin: the window has ended
        assertThat(night.releaseAt(justAfter, BERLIN)).isEqualTo(justAfter);
    }

    @Test
    void theSameWallClockWindowIsAnotherInstantInAnotherZone() {
        Instant now = Instant.parse("2026-01-15T21:30:00Z"); // 22:30 Berlin, 16:30 New York
        assertThat(night.releaseAt(now, ZoneId.of("America/New_York"))).isEqualTo(now);
    }

    @Test
    void aWindowWithinOneDayHoldsOnlyInside() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        Instant inside = Instant.parse("2026-07-01T11:00:00Z"); // 13:00 Berlin (summer time)
        assertThat(lunch.releaseAt(inside, BERLIN)).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        Instant outside = Instant.parse("2026-07-01T13:00:00Z");
        assertThat(lunch.releaseAt(outside, BERLIN)).isEqualTo(outside);
    }

    @Test
    void equalStartAndEndMeanNoQuietTime() {
        Instant now = Instant.parse("2026-01-15T21:30:00Z");
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).releaseAt(now, BERLIN))
                .isEqualTo(now);
    }
}
