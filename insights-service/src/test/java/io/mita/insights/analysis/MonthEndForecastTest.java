package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthEndForecastTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Map<String, String> PLAN = Map.of("groceries", "400.00", "dining", "150.00");

    @Test
    void spendingThatExtrapolatesAboveTenPercentOverThePlanIsHigh() {
        // planned 400 + 150 = 550; spent in planned categories 150 + 60 = 210 (rent is not planned) by 10 March;
        // forecast 210 × 31 / 10 = 651.00 > 550 × 1.1 = 605 → HIGH, 101.00 over
        var found = new MonthEndForecast()
                .find(aMonth(MARCH)
                        .asOf(LocalDate.of(2026, 3, 10))
                        .plan("2500.00", "300.00", PLAN)
                        .spent("groceries", "150.00")
                        .spent("dining", "60.00")
                        .spent("rent", "800.00")
                        .build());

        assertThat(found).singleElement().satisfies(insight -> {
            assertThat(insight.severity()).isEqualTo(Severity.HIGH);
            assertThat(insight.evidence())
                    .containsEntry("spentToDate", "210.00")
                    .containsEntry("daysElapsed", 10)
                    .containsEntry("daysInMonth", 31)
                    .containsEntry("forecast", "651.00")
                    .containsEntry("planned", "550.00")
                    .containsEntry("difference", "101.00");
        });
    }

    @Test
    void aForecastJustOverThePlanIsMediumAndWithinItLow() {
        // 180 × 31 / 10 = 558.00 (over 550, under 605: MEDIUM); 150 × 31 / 10 = 465.00 (LOW)
        assertThat(new MonthEndForecast()
                        .find(aMonth(MARCH)
                                .asOf(LocalDate.of(2026, 3, 10))
                                .plan("2500.00", "300.00", PLAN)
                                .spent("groceries", "180.00")
                                .build()))
                .singleElement()
                .satisfies(insight -> {
                    assertThat(insight.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(insight.evidence()).containsEntry("forecast", "558.00");
                });
        assertThat(new MonthEndForecast()
                        .find(aMonth(MARCH)
                                .asOf(LocalDate.of(2026, 3, 10))
                                .plan("2500.00", "300.00", PLAN)
                                .spent("groceries", "150.00")
                                .build()))
                .singleElement()
                .satisfies(insight -> {
                    assertThat(insight.severity()).isEqualTo(Severity.LOW);
                    assertThat(insight.evidence()).containsEntry("forecast", "465.00");
                });
    }

    @Test
    void aCompleteMonthOrOneWithoutPlanHasNoForecast() {
        assertThat(new MonthEndForecast()
                        .find(aMonth(MARCH)
                                .plan("2500.00", "300.00", PLAN)
                                .spent("groceries", "999.00")
                                .build()))
                .isEmpty();
        assertThat(new MonthEndForecast()
                        .find(aMonth(MARCH)
                                .asOf(LocalDate.of(2026, 3, 10))
                                .spent("groceries", "999.00")
                                .build()))
                .isEmpty();
    }
}
