package io.mita.budget.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendingBucketsTest {

    @Test
    void everyMonthOfTheRangeIsListedWithOneLinePerCategoryAndCurrencyAndATotalPerCurrency() {
        List<SpendingRow> rows = List.of(
                new SpendingRow(LocalDate.of(2026, 1, 1), "dining", "EUR", new BigDecimal("10.5000"), 1),
                new SpendingRow(LocalDate.of(2026, 1, 1), "groceries", "EUR", new BigDecimal("30.2500"), 3),
                new SpendingRow(LocalDate.of(2026, 1, 1), "groceries", "JPY", new BigDecimal("1200.0000"), 1),
                new SpendingRow(LocalDate.of(2026, 3, 1), "groceries", "EUR", new BigDecimal("5.0000"), 1));

        CategorySpendingResponse answer =
                SpendingBuckets.months(new AnalyticsRange(YearMonth.of(2026, 1), YearMonth.of(2026, 3)), rows);

        assertThat(answer.months())
                .extracting(CategorySpendingResponse.Month::month)
                .containsExactly("2026-01", "2026-02", "2026-03");
        CategorySpendingResponse.Month january = answer.months().get(0);
        assertThat(january.categories())
                .containsExactly(
                        new CategorySpending("dining", "EUR", "10.50", 1),
                        new CategorySpending("groceries", "EUR", "30.25", 3),
                        new CategorySpending("groceries", "JPY", "1200", 1));
        assertThat(january.totals())
                .containsExactly(new CurrencyTotal("EUR", "40.75", 4), new CurrencyTotal("JPY", "1200", 1));
        assertThat(answer.months().get(1).categories()).isEmpty();
        assertThat(answer.months().get(1).totals()).isEmpty();
    }

    @Test
    void everyDayOfTheMonthIsListed() {
        List<SpendingRow> rows =
                List.of(new SpendingRow(LocalDate.of(2028, 2, 29), "dining", "BHD", new BigDecimal("1.2345"), 2));

        DailySpendingResponse answer = SpendingBuckets.days(YearMonth.of(2028, 2), rows);

        assertThat(answer.days()).hasSize(29);
        assertThat(answer.days().get(28).date()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(answer.days().get(28).totals()).containsExactly(new CurrencyTotal("BHD", "1.234", 2));
    }

    @Test
    void aRangeOfTwentyFourMonthsIsAcceptedAndOfTwentyFiveRefused() {
        assertThat(new AnalyticsRange(YearMonth.of(2025, 1), YearMonth.of(2026, 12)).lastDay())
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> new AnalyticsRange(YearMonth.of(2025, 1), YearMonth.of(2027, 1)))
                .isInstanceOf(InvalidAnalyticsRangeException.class)
                .hasMessageContaining("at most 24 months");
    }

    @Test
    void aReversedRangeOrAMonthBefore1900IsRefused() {
        assertThatThrownBy(() -> new AnalyticsRange(YearMonth.of(2026, 2), YearMonth.of(2026, 1)))
                .isInstanceOf(InvalidAnalyticsRangeException.class)
                .hasMessageContaining("after");
        assertThatThrownBy(() -> AnalyticsRange.of(YearMonth.of(1899, 12)))
                .isInstanceOf(InvalidAnalyticsRangeException.class);
    }
}
