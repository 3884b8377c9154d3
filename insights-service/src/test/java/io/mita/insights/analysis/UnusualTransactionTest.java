package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnusualTransactionTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void theMedianAndMadOfAnEvenCountAreTheMeansOfTheTwoMiddleValues() {
        List<BigDecimal> values = amounts("10", "12", "11", "13", "12", "60");

        // sorted 10 11 12 12 13 60 → median 12; |x − 12| = 2 0 1 1 0 48 → sorted 0 0 1 1 2 48 → MAD 1
        assertThat(RobustStatistics.median(values)).isEqualByComparingTo("12");
        assertThat(RobustStatistics.medianAbsoluteDeviation(values)).isEqualByComparingTo("1");
        assertThat(RobustStatistics.median(amounts("1", "2"))).isEqualByComparingTo("1.5");
        // 0.6745 × (60 − 12) / 1 = 32.376
        assertThat(RobustStatistics.robustZ(new BigDecimal("60"), new BigDecimal("12"), BigDecimal.ONE))
                .isCloseTo(32.376, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anExpenseWithARobustZScoreAboveSevenIsHigh() {
        UUID big = UUID.randomUUID();
        List<Insight> found =
                new UnusualTransaction().find(groceries(big, "60.00").build());

        assertThat(found).singleElement().satisfies(insight -> {
            assertThat(insight.key()).isEqualTo(big.toString());
            assertThat(insight.severity()).isEqualTo(Severity.HIGH);
            assertThat(insight.evidence())
                    .containsEntry("median", "12.00")
                    .containsEntry("mad", "1.00")
                    .containsEntry("zScore", new BigDecimal("32.38"))
                    .containsEntry("sampleSize", 6);
        });
    }

    @Test
    void aboveThreePointFiveItIsMediumAndAtOrBelowNothing() {
        // with 18: median 12, MAD 1, z = 0.6745 × 6 = 4.047 (MEDIUM); with 17: z = 3.3725 (nothing)
        assertThat(new UnusualTransaction()
                        .find(groceries(UUID.randomUUID(), "18.00").build()))
                .singleElement()
                .satisfies(insight -> {
                    assertThat(insight.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(insight.evidence()).containsEntry("zScore", new BigDecimal("4.05"));
                });
        assertThat(new UnusualTransaction()
                        .find(groceries(UUID.randomUUID(), "17.00").build()))
                .isEmpty();
    }

    @Test
    void fewerThanFiveExpensesOrNoSpreadJudgeNothing() {
        assertThat(new UnusualTransaction()
                        .find(aMonth(MARCH)
                                .expense("dining", null, LocalDate.of(2026, 1, 5), "10.00")
                                .expense("dining", null, LocalDate.of(2026, 2, 5), "11.00")
                                .expense("dining", null, LocalDate.of(2026, 2, 25), "12.00")
                                .expense("dining", null, LocalDate.of(2026, 3, 5), "90.00")
                                .build()))
                .isEmpty();
        assertThat(new UnusualTransaction()
                        .find(aMonth(MARCH)
                                .expense("rent", null, LocalDate.of(2025, 11, 1), "800.00")
                                .expense("rent", null, LocalDate.of(2025, 12, 1), "800.00")
                                .expense("rent", null, LocalDate.of(2026, 1, 1), "800.00")
                                .expense("rent", null, LocalDate.of(2026, 2, 1), "800.00")
                                .expense("rent", null, LocalDate.of(2026, 3, 1), "800.00")
                                .expense("rent", null, LocalDate.of(2026, 3, 2), "2000.00")
                                .build()))
                .as("MAD 0")
                .isEmpty();
    }

    /** Five usual expenses before March and one in March of the given amount. */
    private static FiguresFixtures groceries(UUID id, String amount) {
        return aMonth(MARCH)
                .expense("groceries", "Lidl", LocalDate.of(2025, 10, 3), "10.00")
                .expense("groceries", "Lidl", LocalDate.of(2025, 11, 3), "12.00")
                .expense("groceries", "Lidl", LocalDate.of(2025, 12, 3), "11.00")
                .expense("groceries", "Lidl", LocalDate.of(2026, 1, 3), "13.00")
                .expense("groceries", "Lidl", LocalDate.of(2026, 2, 3), "12.00")
                // out of the six-month window (before October 2025): not in the sample
                .expense("groceries", "Lidl", LocalDate.of(2025, 9, 30), "500.00")
                .expense(id, "groceries", "Lidl", LocalDate.of(2026, 3, 3), amount);
    }

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
