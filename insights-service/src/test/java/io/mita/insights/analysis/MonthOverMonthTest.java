package io.mita.insights.analysis;

import static io.mita.insights.analysis.FiguresFixtures.aMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthOverMonthTest {

    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void changesOfTwentyPercentAndTenUnitsAreReportedRisesOfFiftyPercentAsMedium() {
        // groceries 300 → 390: +90, +30.0 % (LOW); dining 100 → 160: +60.0 % (MEDIUM);
        // transport 50 → 55: +10.0 % (not reported); coffee 20 → 8: −12, −60.0 % (LOW, the month is complete);
        // travel 5 → 9: +80 % but only 4.00 (not reported); books 0 → 30: no previous spending (not reported)
        List<Insight> found = new MonthOverMonth()
                .find(aMonth(FEBRUARY)
                        .previouslySpent("groceries", "300.00")
                        .spent("groceries", "390.00")
                        .previouslySpent("dining", "100.00")
                        .spent("dining", "160.00")
                        .previouslySpent("transport", "50.00")
                        .spent("transport", "55.00")
                        .previouslySpent("coffee", "20.00")
                        .spent("coffee", "8.00")
                        .previouslySpent("travel", "5.00")
                        .spent("travel", "9.00")
                        .spent("books", "30.00")
                        .build());

        assertThat(found)
                .extracting(
                        Insight::key,
                        Insight::severity,
                        insight -> insight.evidence().get("changePercent"))
                .containsExactly(
                        tuple("coffee", Severity.LOW, new BigDecimal("-60.0")),
                        tuple("dining", Severity.MEDIUM, new BigDecimal("60.0")),
                        tuple("groceries", Severity.LOW, new BigDecimal("30.0")));
        assertThat(found.get(2).text())
                .isEqualTo("You spent 390.00 EUR on groceries in 2026-02, up 30.0 % from 300.00 EUR in 2026-01.");
        assertThat(found.get(2).evidence()).containsEntry("difference", "90.00");
    }

    @Test
    void inAMonthNotYetCompleteOnlyRisesAreReported() {
        List<Insight> found = new MonthOverMonth()
                .find(aMonth(FEBRUARY)
                        .asOf(LocalDate.of(2026, 2, 10))
                        .previouslySpent("coffee", "20.00")
                        .spent("coffee", "8.00")
                        .previouslySpent("dining", "100.00")
                        .spent("dining", "160.00")
                        .build());

        assertThat(found).extracting(Insight::key).containsExactly("dining");
    }
}
