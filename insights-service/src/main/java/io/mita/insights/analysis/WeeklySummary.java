package io.mita.insights.analysis;

import static io.mita.insights.analysis.Amounts.money;
import static io.mita.insights.analysis.Amounts.percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last seven days up to {@code asOf} (asOf − 6 to asOf) against the seven before: spent in each, change =
 * (this − previous) × 100 / previous when the week before had spending. A rise of 50 % or more: MEDIUM; else
 * LOW. Nothing when neither week had spending.
 */
final class WeeklySummary implements InsightRule {

    static final BigDecimal MEDIUM_PERCENT = BigDecimal.valueOf(50);

    @Override
    public List<Insight> find(MonthFigures figures) {
        LocalDate to = figures.asOf();
        LocalDate from = to.minusDays(6);
        BigDecimal spent = figures.spentBetween(from, to);
        BigDecimal previous = figures.spentBetween(to.minusDays(13), to.minusDays(7));
        if (spent.signum() == 0 && previous.signum() == 0) {
            return List.of();
        }
        BigDecimal change = previous.signum() > 0 ? percent(spent.subtract(previous), previous) : null;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("from", from.toString());
        evidence.put("to", to.toString());
        evidence.put("spent", money(spent));
        evidence.put("previousSpent", money(previous));
        evidence.put("changePercent", change);
        String currency = figures.currency();
        String comparison = change == null
                ? "nothing the week before"
                : "%s %s %% on the week before (%s %s)"
                        .formatted(
                                change.signum() < 0 ? "down" : "up",
                                change.abs().toPlainString(),
                                money(previous),
                                currency);
        return List.of(new Insight(
                InsightKind.WEEKLY_SUMMARY,
                "",
                change != null && change.compareTo(MEDIUM_PERCENT) >= 0 ? Severity.MEDIUM : Severity.LOW,
                "Your week",
                "From %s to %s you spent %s %s, %s.".formatted(from, to, money(spent), currency, comparison),
                evidence));
    }
}
