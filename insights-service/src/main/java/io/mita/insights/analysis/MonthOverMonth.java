package io.mita.insights.analysis;

import static io.mita.insights.analysis.Amounts.money;
import static io.mita.insights.analysis.Amounts.percent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spending of a category against the month before: change = (this − previous) × 100 / previous, for categories
 * that had spending the month before. Reported when |change| ≥ 20 % and the difference is at least 10.00: a rise
 * of 50 % or more is MEDIUM, anything else LOW. In a month not yet complete, only rises are reported (the month
 * so far is compared with the whole previous one, so a fall means nothing yet).
 */
final class MonthOverMonth implements InsightRule {

    static final BigDecimal MIN_CHANGE_PERCENT = BigDecimal.valueOf(20);
    static final BigDecimal MIN_DIFFERENCE = BigDecimal.TEN;
    static final BigDecimal MEDIUM_PERCENT = BigDecimal.valueOf(50);

    @Override
    public List<Insight> find(MonthFigures figures) {
        List<Insight> found = new ArrayList<>();
        String currency = figures.currency();
        new TreeMap<>(figures.previousSpentByCategory()).forEach((category, previous) -> {
            if (previous.signum() <= 0) {
                return;
            }
            BigDecimal current = figures.spent(category);
            BigDecimal difference = current.subtract(previous);
            BigDecimal change = percent(difference, previous);
            if (change.abs().compareTo(MIN_CHANGE_PERCENT) < 0
                    || difference.abs().compareTo(MIN_DIFFERENCE) < 0
                    || (difference.signum() < 0 && !figures.complete())) {
                return;
            }
            boolean rise = difference.signum() > 0;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("category", category);
            evidence.put("month", figures.month().toString());
            evidence.put("spent", money(current));
            evidence.put("previousMonth", figures.month().minusMonths(1).toString());
            evidence.put("previousSpent", money(previous));
            evidence.put("difference", money(difference));
            evidence.put("changePercent", change);
            found.add(new Insight(
                    InsightKind.MONTH_OVER_MONTH,
                    category,
                    rise && change.compareTo(MEDIUM_PERCENT) >= 0 ? Severity.MEDIUM : Severity.LOW,
                    (rise ? "More on " : "Less on ") + category,
                    "You spent %s %s on %s in %s, %s %s %% from %s %s in %s."
                            .formatted(
                                    money(current),
                                    currency,
                                    category,
                                    figures.month(),
                                    rise ? "up" : "down",
                                    change.abs().toPlainString(),
                                    money(previous),
                                    currency,
                                    figures.month().minusMonths(1)),
                    evidence));
        });
        return found;
    }
}
