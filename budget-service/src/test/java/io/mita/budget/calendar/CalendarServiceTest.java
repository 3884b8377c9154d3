package io.mita.budget.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.plan.PlannedMonth;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar of a planned month: per day and category planned, spent, remaining, and safe to spend. */
class CalendarServiceTest {

    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void everyDayOfTheMonthHasItsCategoriesInThePlansOrder() {
        CalendarResponse calendar = CalendarService.calendar(month(), LocalDate.of(2026, 2, 10));

        assertThat(calendar.days()).hasSize(28);
        assertThat(calendar.currency()).isEqualTo("EUR");
        assertThat(calendar.days().get(0).categories())
                .extracting(CalendarResponse.CategoryDay::category)
                .containsExactly("groceries", "dining");
        assertThat(calendar.days().get(27).date()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void remainingIsPlannedMinusSpentAndMayBeNegative() {
        CalendarResponse.Day day2 = CalendarService.calendar(month(), LocalDate.of(2026, 2, 10))
                .days()
                .get(1);

        assertThat(day2.categories().get(0))
                .isEqualTo(new CalendarResponse.CategoryDay("groceries", "10.00", "13.50", "-3.50"));
        assertThat(day2.categories().get(1))
                .isEqualTo(new CalendarResponse.CategoryDay("dining", "5.00", "0.00", "5.00"));
        assertThat(day2.planned()).isEqualTo("15.00");
        assertThat(day2.spent()).isEqualTo("13.50");
        assertThat(day2.remaining()).isEqualTo("1.50");
    }

    @Test
    void safeToSpendIsWhatTheDaysPlansLeaveAfterItsSpendingNeverBelowZero() {
        CalendarResponse calendar = CalendarService.calendar(month(), LocalDate.of(2026, 2, 10));

        assertThat(calendar.days().get(0).safeToSpend()).isEqualTo("15.00");
        assertThat(calendar.days().get(1).safeToSpend()).isEqualTo("1.50");
        assertThat(calendar.days().get(2).safeToSpend())
                .as("overspent on the whole")
                .isEqualTo("0.00");
    }

    /** Groceries 10.00 and dining 5.00 a day; 13.50 groceries on the 2nd, 20.00 dining on the 3rd. */
    private static PlannedMonth month() {
        Map<String, long[]> planned = new LinkedHashMap<>();
        Map<String, long[]> spent = new LinkedHashMap<>();
        planned.put("groceries", filled(1_000));
        planned.put("dining", filled(500));
        spent.put("groceries", new long[28]);
        spent.put("dining", new long[28]);
        spent.get("groceries")[1] = 1_350;
        spent.get("dining")[2] = 2_000;
        return new PlannedMonth(FEBRUARY, Currency.getInstance("EUR"), planned, spent);
    }

    private static long[] filled(long amount) {
        long[] days = new long[28];
        java.util.Arrays.fill(days, amount);
        return days;
    }
}
