package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OccurredOnRuleTest {

    private static final Clock LATE_ON_MARCH_10_UTC =
            Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void acceptsTodayAndTomorrowInUtcButNotTheDayAfter() {
        assertThat(OccurredOnRule.accepts(LocalDate.of(2026, 3, 10), LATE_ON_MARCH_10_UTC))
                .isTrue();
        assertThat(OccurredOnRule.accepts(LocalDate.of(2026, 3, 11), LATE_ON_MARCH_10_UTC))
                .isTrue();
        assertThat(OccurredOnRule.accepts(LocalDate.of(2026, 3, 12), LATE_ON_MARCH_10_UTC))
                .isFalse();
    }

    @Test
    void judgesByTheUtcDateWhateverZoneTheClockIsIn() {
        Clock auckland = LATE_ON_MARCH_10_UTC.withZone(ZoneId.of("Pacific/Auckland"));

        assertThat(OccurredOnRule.accepts(LocalDate.of(2026, 3, 11), auckland)).isTrue();
        assertThat(OccurredOnRule.accepts(LocalDate.of(2026, 3, 12), auckland)).isFalse();
    }

    @Test
    void acceptsThePastDownTo1900() {
        assertThat(OccurredOnRule.accepts(LocalDate.of(1900, 1, 1), LATE_ON_MARCH_10_UTC))
                .isTrue();
        assertThat(OccurredOnRule.accepts(LocalDate.of(1899, 12, 31), LATE_ON_MARCH_10_UTC))
                .isFalse();
    }
}
