package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryOverspendTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Test
    void spendingAboveTheAllocationIsHighWithTheAmountOverAndThePercent() {
        // 432.50 of 400.00: over by 32.50; 432.50 × 100 / 400 = 108.125 → 108.1 %
        List<Insight> found = new CategoryOverspend()
                .find(aMonth(JANUARY)
                        .plan("2500.00", "300.00", Map.of("groceries", "400.00"))
                        .spent("groceries", "432.50")
                        .build());

        assertThat(found).singleElement().satisfies(insight -> {
            assertThat(insight.kind()).isEqualTo(InsightKind.CATEGORY_OVERSPEND);
            assertThat(insight.key()).isEqualTo("groceries");
            assertThat(insight.severity()).isEqualTo(Severity.HIGH);
            assertThat(insight.evidence())
                    .containsEntry("spent", "432.50")
                    .containsEntry("allocated", "400.00")
                    .containsEntry("over", "32.50")
                    .containsEntry("percent", new BigDecimal("108.1"));
            assertThat(insight.text())
                    .isEqualTo(
                            "You spent 432.50 EUR on groceries, 32.50 EUR more than the 400.00 EUR planned (108.1 %).");
        });
    }

    @Test
    void fromEightyPercentItIsMediumAndBelowNothing() {
        // dining 330 of 400 = 82.5 % (MEDIUM); transport 100 of 150 = 66.7 % (nothing); exactly 80 % is MEDIUM
        List<Insight> found = new CategoryOverspend()
                .find(aMonth(JANUARY)
                        .plan(
                                "2500.00",
                                "0",
                                Map.of("dining", "400.00", "transport", "150.00", "coffee", "50.00", "gifts", "0"))
                        .spent("dining", "330.00")
                        .spent("transport", "100.00")
                        .spent("coffee", "40.00")
                        .spent("gifts", "20.00")
                        .build());

        assertThat(found)
                .extracting(
                        Insight::key,
                        Insight::severity,
                        insight -> insight.evidence().get("percent"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("coffee", Severity.MEDIUM, new BigDecimal("80.0")),
                        org.assertj.core.groups.Tuple.tuple("dining", Severity.MEDIUM, new BigDecimal("82.5")));
    }

    @Test
    void withoutAPlanNothingIsJudged() {
        assertThat(new CategoryOverspend()
                        .find(aMonth(JANUARY).spent("groceries", "999.00").build()))
                .isEmpty();
    }
}
