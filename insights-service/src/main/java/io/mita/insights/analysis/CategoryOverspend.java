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
 * Spending of a category against its allocation in the plan: percent = spent × 100 / allocated. Above the
 * allocation: HIGH; from 80 % of it: MEDIUM; below, nothing. Categories without an allocation (or of zero) are
 * not judged.
 */
final class CategoryOverspend implements InsightRule {

    static final BigDecimal WARNING_PERCENT = BigDecimal.valueOf(80);

    @Override
    public List<Insight> find(MonthFigures figures) {
        List<Insight> found = new ArrayList<>();
        if (figures.plan() == null) {
            return found;
        }
        String currency = figures.currency();
        new TreeMap<>(figures.plan().allocations()).forEach((category, allocated) -> {
            if (allocated.signum() <= 0) {
                return;
            }
            BigDecimal spent = figures.spent(category);
            BigDecimal percent = percent(spent, allocated);
            BigDecimal over = spent.subtract(allocated);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("category", category);
            evidence.put("spent", money(spent));
            evidence.put("allocated", money(allocated));
            evidence.put("over", money(over));
            evidence.put("percent", percent);
            if (over.signum() > 0) {
                found.add(new Insight(
                        InsightKind.CATEGORY_OVERSPEND,
                        category,
                        Severity.HIGH,
                        "Over budget: " + category,
                        "You spent %s %s on %s, %s %s more than the %s %s planned (%s %%)."
                                .formatted(
                                        money(spent),
                                        currency,
                                        category,
                                        money(over),
                                        currency,
                                        money(allocated),
                                        currency,
                                        percent.toPlainString()),
                        evidence));
            } else if (percent.compareTo(WARNING_PERCENT) >= 0) {
                found.add(new Insight(
                        InsightKind.CATEGORY_OVERSPEND,
                        category,
                        Severity.MEDIUM,
                        "Close to budget: " + category,
                        "You spent %s of the %s %s planned for %s (%s %%)."
                                .formatted(money(spent), money(allocated), currency, category, percent.toPlainString()),
                        evidence));
            }
        });
        return found;
    }
}
