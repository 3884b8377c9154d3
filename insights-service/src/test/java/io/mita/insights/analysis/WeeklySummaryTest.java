package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WeeklySummaryTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void theLastSevenDaysAreComparedWithTheSevenBefore() {
        // 8–14 March: 20 + 35.50 + 4.50 = 60.00; 1–7 March: 30 + 10 = 40.00; (60 − 40) × 100 / 40 = 50.0 % → MEDIUM
        var found = new WeeklySummary()
                .find(aMonth(MARCH)
                        .asOf(LocalDate.of(2026, 3, 14))
                        .onDay(LocalDate.of(2026, 3, 2), "30.00")
                        .onDay(LocalDate.of(2026, 3, 7), "10.00")
                        .onDay(LocalDate.of(2026, 3, 8), "20.00")
                        .onDay(LocalDate.of(2026, 3, 10), "35.50")
                        .onDay(LocalDate.of(2026, 3, 14), "4.50")
                        .onDay(LocalDate.of(2026, 3, 15), "1000.00")
                        .build());

        assertThat(found).singleElement().satisfies(insight -> {
            assertThat(insight.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(insight.evidence())
                    .containsEntry("from", "2026-03-08")
                    .containsEntry("to", "2026-03-14")
                    .containsEntry("spent", "60.00")
                    .containsEntry("previousSpent", "40.00")
                    .containsEntry("changePercent", new BigDecimal("50.0"));
            assertThat(insight.text())
                    .isEqualTo(
                            "From 2026-03-08 to 2026-03-14 you spent 60.00 EUR, up 50.0 % on the week before (40.00 EUR).");
        });
    }

    @Test
    void aQuieterWeekIsLowAndAWeekAfterNothingHasNoChange() {
        // 25–31 March (the month complete): 30.00 against 18–24 March: 60.00 → −50.0 % (LOW)
        var quieter = new WeeklySummary()
                .find(aMonth(MARCH)
                        .onDay(LocalDate.of(2026, 3, 20), "60.00")
                        .onDay(LocalDate.of(2026, 3, 31), "30.00")
                        .build());
        assertThat(quieter).singleElement().satisfies(insight -> {
            assertThat(insight.severity()).isEqualTo(Severity.LOW);
            assertThat(insight.evidence()).containsEntry("changePercent", new BigDecimal("-50.0"));
        });
        var first = new WeeklySummary()
                .find(aMonth(MARCH)
                        .asOf(LocalDate.of(2026, 3, 3))
                        .onDay(LocalDate.of(2026, 3, 1), "12.00")
                        .build());
        assertThat(first).singleElement().satisfies(insight -> {
            assertThat(insight.evidence()).containsEntry("changePercent", null);
            assertThat(insight.text()).endsWith("you spent 12.00 EUR, nothing the week before.");
        });
        assertThat(new WeeklySummary().find(aMonth(MARCH).build())).isEmpty();
    }
}
