package io.mita.budget.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TargetDateRuleTest {

    /** 06:00 UTC on 15 March: in UTC−12 it is still 14 March. */
    private static final Clock MORNING_UTC = Clock.fixed(Instant.parse("2026-03-15T06:00:00Z"), ZoneOffset.UTC);
    /** 13:00 UTC on 15 March: 15 March everywhere. */
    private static final Clock AFTERNOON_UTC = Clock.fixed(Instant.parse("2026-03-15T13:00:00Z"), ZoneOffset.UTC);

    @Test
    void todayAndLaterAreAccepted() {
        assertThatCode(() -> TargetDateRule.check(LocalDate.of(2026, 3, 15), AFTERNOON_UTC))
                .doesNotThrowAnyException();
        assertThatCode(() -> TargetDateRule.check(LocalDate.of(2126, 3, 15), AFTERNOON_UTC))
                .doesNotThrowAnyException();
    }

    @Test
    void yesterdayInUtcIsStillTodayWestOfItEarlyInTheUtcDay() {
        assertThatCode(() -> TargetDateRule.check(LocalDate.of(2026, 3, 14), MORNING_UTC))
                .doesNotThrowAnyException();
    }

    @Test
    void aDateThatHasPassedEverywhereIsRefusedAs422() {
        assertThatThrownBy(() -> TargetDateRule.check(LocalDate.of(2026, 3, 14), AFTERNOON_UTC))
                .isInstanceOfSatisfying(GoalTargetDateInPastException.class, e -> {
                    assertThat(e.code()).isEqualTo("GOAL_TARGET_DATE_IN_PAST");
                    assertThat(e.status().value()).isEqualTo(422);
                });
        assertThatThrownBy(() -> TargetDateRule.check(LocalDate.of(2026, 3, 13), MORNING_UTC))
                .isInstanceOf(GoalTargetDateInPastException.class);
    }

    @Test
    void moreThanAHundredYearsAheadIsRefused() {
        assertThatThrownBy(() -> TargetDateRule.check(LocalDate.of(2126, 3, 16), AFTERNOON_UTC))
                .isInstanceOfSatisfying(GoalTargetDateTooFarException.class, e -> {
                    assertThat(e.code()).isEqualTo("GOAL_TARGET_DATE_TOO_FAR");
                    assertThat(e.status().value()).isEqualTo(422);
                });
    }
}
