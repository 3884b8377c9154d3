package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavingsRateTest {

    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    @Test
    void aRateAtTheTargetIsLow() {
        // (2500 − 2200) × 100 / 2500 = 12.0 %; target 300 × 100 / 2500 = 12.0 %
        var insight = rate("2200.00");

        assertThat(insight.severity()).isEqualTo(Severity.LOW);
        assertThat(insight.evidence())
                .containsEntry("income", "2500.00")
                .containsEntry("incomeSource", "transactions")
                .containsEntry("saved", "300.00")
                .containsEntry("ratePercent", new BigDecimal("12.0"))
                .containsEntry("targetPercent", new BigDecimal("12.0"));
    }

    @Test
    void belowTheTargetItIsMediumAndBelowZeroHigh() {
        // 2300: 200 saved, 8.0 % < 12.0 %; 2600: −100, −4.0 %
        assertThat(rate("2300.00").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rate("2300.00").evidence()).containsEntry("ratePercent", new BigDecimal("8.0"));
        var negative = rate("2600.00");
        assertThat(negative.severity()).isEqualTo(Severity.HIGH);
        assertThat(negative.evidence()).containsEntry("ratePercent", new BigDecimal("-4.0"));
        assertThat(negative.text()).isEqualTo("You spent 100.00 EUR more than your income of 2500.00 EUR in 2026-04.");
    }

    @Test
    void withoutIncomeTransactionsThePlansIncomeIsUsedAndWithoutEitherNothing() {
        // plan income 2000, spent 1500: 25.0 %, target 300 × 100 / 2000 = 15.0 %
        var fromPlan = new SavingsRate()
                .find(aMonth(APRIL)
                        .plan("2000.00", "300.00", Map.of())
                        .spent("groceries", "1500.00")
                        .build());
        assertThat(fromPlan)
                .singleElement()
                .satisfies(insight -> assertThat(insight.evidence())
                        .containsEntry("incomeSource", "plan")
                        .containsEntry("ratePercent", new BigDecimal("25.0"))
                        .containsEntry("targetPercent", new BigDecimal("15.0")));
        assertThat(new SavingsRate()
                        .find(aMonth(APRIL).spent("groceries", "10.00").build()))
                .isEmpty();
    }

    private static Insight rate(String spent) {
        return new SavingsRate()
                .find(aMonth(APRIL)
                        .income("2500.00")
                        .plan("2500.00", "300.00", Map.of())
                        .spent("rent", "1000.00")
                        .spent(
                                "groceries",
                                new BigDecimal(spent)
                                        .subtract(new BigDecimal("1000.00"))
                                        .toPlainString())
                        .build())
                .get(0);
    }
}
