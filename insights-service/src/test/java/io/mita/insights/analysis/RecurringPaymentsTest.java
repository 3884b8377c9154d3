package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurringPaymentsTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void aMonthlySubscriptionIsFoundWithItsNextExpectedDate() {
        // 5 Jan → 5 Feb: 31 days, 5 Feb → 5 Mar: 28 days; median of (28, 31) = 29.5 → 30 days;
        // slack max(3, 20 % of 30 = 6) = 6: both intervals fit; next = 5 Mar + 30 days = 4 Apr
        List<Insight> found = new RecurringPayments()
                .find(aMonth(MARCH)
                        .expense("subscriptions", "Netflix", LocalDate.of(2026, 1, 5), "9.99")
                        .expense("subscriptions", " netflix ", LocalDate.of(2026, 2, 5), "9.99")
                        .expense("subscriptions", "NETFLIX", LocalDate.of(2026, 3, 5), "10.49")
                        .build());

        assertThat(found).singleElement().satisfies(insight -> {
            assertThat(insight.kind()).isEqualTo(InsightKind.RECURRING_PAYMENT);
            assertThat(insight.key()).isEqualTo("netflix");
            assertThat(insight.severity()).isEqualTo(Severity.LOW);
            assertThat(insight.evidence())
                    .containsEntry("payments", 3)
                    .containsEntry("typicalAmount", "9.99")
                    .containsEntry("intervalDays", 30L)
                    .containsEntry("lastOn", "2026-03-05")
                    .containsEntry("nextExpectedOn", "2026-04-04");
            assertThat(insight.text())
                    .isEqualTo("A payment of about 9.99 EUR in subscriptions repeats every 30 days (3 times); "
                            + "the next is expected on 2026-04-04.")
                    .doesNotContainIgnoringCase("netflix");
        });
    }

    @Test
    void anAmountOutsideTenPercentOfTheMedianOrAnIrregularIntervalIsNoRecurringPayment() {
        // gym: median 31.00, 45.00 is 14.00 away (> 3.10); market: intervals 17 and 40 days, median 29 (28.5 → 29),
        // slack 6: 17 is too far
        assertThat(new RecurringPayments()
                        .find(aMonth(MARCH)
                                .expense("sport", "Gym", LocalDate.of(2026, 1, 2), "30.00")
                                .expense("sport", "Gym", LocalDate.of(2026, 2, 2), "31.00")
                                .expense("sport", "Gym", LocalDate.of(2026, 3, 2), "45.00")
                                .expense("groceries", "Market", LocalDate.of(2026, 1, 3), "20.00")
                                .expense("groceries", "Market", LocalDate.of(2026, 1, 20), "20.00")
                                .expense("groceries", "Market", LocalDate.of(2026, 3, 1), "20.00")
                                .build()))
                .isEmpty();
    }

    @Test
    void twoPaymentsOrNoneInTheMonthAreNotReported() {
        assertThat(new RecurringPayments()
                        .find(aMonth(MARCH)
                                .expense("subscriptions", "Spotify", LocalDate.of(2026, 2, 1), "9.99")
                                .expense("subscriptions", "Spotify", LocalDate.of(2026, 3, 1), "9.99")
                                .expense("subscriptions", "Cloud", LocalDate.of(2025, 12, 10), "2.99")
                                .expense("subscriptions", "Cloud", LocalDate.of(2026, 1, 10), "2.99")
                                .expense("subscriptions", "Cloud", LocalDate.of(2026, 2, 10), "2.99")
                                .build()))
                .isEmpty();
    }

    @Test
    void theMedianOfWholeDaysRoundsHalvesUp() {
        assertThat(RecurringPayments.medianDays(List.of(28L, 31L))).isEqualTo(30);
        assertThat(RecurringPayments.medianDays(List.of(7L, 8L, 30L))).isEqualTo(8);
    }
}
