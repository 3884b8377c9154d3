package io.mita.budget.redistribution;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailySpreadTest {

    /** 28 days starting on a Monday: four of each weekday. */
    private static final YearMonth FEBRUARY_2027 = YearMonth.of(2027, 2);

    private static final YearMonth JUNE_2026 = YearMonth.of(2026, 6);

    @Test
    void anEvenSpreadGivesEveryDayTheSameWhenItDividesExactly() {
        assertThat(DailySpread.even().spread(3000, JUNE_2026)).hasSize(30).containsOnly(100);
    }

    @Test
    void anEvenSpreadGivesTheUnitsLeftOverToTheFirstDays() {
        long[] days = DailySpread.even().spread(100, JUNE_2026);

        assertThat(Arrays.copyOfRange(days, 0, 10)).containsOnly(4);
        assertThat(Arrays.copyOfRange(days, 10, 30)).containsOnly(3);
        assertThat(Arrays.stream(days).sum()).isEqualTo(100);
    }

    @Test
    void weekendsThatWeighTwiceGetTwiceAsMuch() {
        long[] days = DailySpread.byWeekday(Map.of(SATURDAY, 2, SUNDAY, 2)).spread(3600, FEBRUARY_2027);

        for (int day = 1; day <= 28; day++) {
            DayOfWeek weekday = FEBRUARY_2027.atDay(day).getDayOfWeek();
            long expected = weekday == SATURDAY || weekday == SUNDAY ? 200 : 100;
            assertThat(days[day - 1]).as("day %d, a %s", day, weekday).isEqualTo(expected);
        }
    }

    @Test
    void aWeekdayOfWeightZeroGetsNothing() {
        long[] days = DailySpread.byWeekday(Map.of(MONDAY, 0)).spread(1000, FEBRUARY_2027);

        for (int day = 1; day <= 28; day += 7) {
            assertThat(days[day - 1]).as("Monday %d", day).isZero();
        }
        assertThat(Arrays.stream(days).sum()).isEqualTo(1000);
    }

    @Test
    void leftoverUnitsGoToTheLargestRemaindersBeforeTheEarlierDays() {
        // weights Tuesday 3, the rest 1: 4 × 3 + 24 × 1 = 36; 10 units → Tuesdays 30/36 (0, remainder 30 of 36),
        // other days 10/36 (0, remainder 10): the four Tuesdays get one unit each, then the six earliest others
        long[] days = DailySpread.byWeekday(Map.of(TUESDAY, 3)).spread(10, FEBRUARY_2027);

        assertThat(days[1]).isEqualTo(1);
        assertThat(days[8]).isEqualTo(1);
        assertThat(days[15]).isEqualTo(1);
        assertThat(days[22]).isEqualTo(1);
        assertThat(new long[] {days[0], days[2], days[3], days[4], days[5], days[6]})
                .containsOnly(1);
        assertThat(days[7]).isZero();
        assertThat(days[9]).isZero();
        assertThat(Arrays.stream(days).sum()).isEqualTo(10);
    }

    @Test
    void nothingSpreadsAsZeroes() {
        assertThat(DailySpread.even().spread(0, FEBRUARY_2027)).hasSize(28).containsOnly(0);
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> DailySpread.even().spread(-1, FEBRUARY_2027))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot spread a negative amount: -1");
    }

    @Test
    void refusesWeightsOutOfRange() {
        assertThatThrownBy(() -> DailySpread.byWeekday(Map.of(MONDAY, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the weight of MONDAY must be between 0 and 1000000, got -1");
        assertThatThrownBy(() -> DailySpread.byWeekday(Map.of(MONDAY, 1_000_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the weight of MONDAY must be between 0 and 1000000, got 1000001");
    }

    @Test
    void refusesAWeekWhereEveryDayWeighsZero() {
        Map<DayOfWeek, Integer> nothing = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            nothing.put(day, 0);
        }

        assertThatThrownBy(() -> DailySpread.byWeekday(nothing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one weekday must weigh more than 0");
    }

    @Test
    void twoSpreadsWithTheSameWeightsAreEqual() {
        assertThat(DailySpread.byWeekday(Map.of())).isEqualTo(DailySpread.even());
        assertThat(DailySpread.byWeekday(Map.of(SUNDAY, 2)))
                .isEqualTo(DailySpread.byWeekday(Map.of(SUNDAY, 2)))
                .isNotEqualTo(DailySpread.even());
        assertThat(DailySpread.byWeekday(Map.of(SUNDAY, 2)).weightOf(SUNDAY)).isEqualTo(2);
        assertThat(DailySpread.byWeekday(Map.of(SUNDAY, 2)).weightOf(MONDAY)).isEqualTo(1);
    }
}
