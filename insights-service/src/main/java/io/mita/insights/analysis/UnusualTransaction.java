package io.mita.insights.analysis;

import static io.mita.insights.analysis.Amounts.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An expense far above the usual in its category: the robust z-score z = 0.6745 × (x − median) / MAD over the
 * category's expenses of the six months up to {@code asOf} (the month analysed and five before; at least
 * {@value #MIN_SAMPLE} of them, and a MAD above zero). An expense of the month with z &gt; 3.5 is unusual: MEDIUM,
 * HIGH from z &gt; 7. Only large expenses are reported, not small ones.
 */
final class UnusualTransaction implements InsightRule {

    static final double THRESHOLD = 3.5;
    static final double HIGH_THRESHOLD = 7.0;
    static final int MIN_SAMPLE = 5;
    static final int WINDOW_MONTHS = 6;

    @Override
    public List<Insight> find(MonthFigures figures) {
        List<Insight> found = new ArrayList<>();
        LocalDate windowStart = figures.month().minusMonths(WINDOW_MONTHS - 1L).atDay(1);
        LocalDate monthStart = figures.month().atDay(1);
        Map<String, List<Expense>> byCategory = figures.history().stream()
                .filter(e -> !e.on().isBefore(windowStart) && !e.on().isAfter(figures.asOf()))
                .collect(Collectors.groupingBy(Expense::category, java.util.TreeMap::new, Collectors.toList()));
        byCategory.forEach((category, expenses) -> {
            if (expenses.size() < MIN_SAMPLE) {
                return;
            }
            List<BigDecimal> amounts = expenses.stream().map(Expense::amount).toList();
            BigDecimal median = RobustStatistics.median(amounts);
            BigDecimal mad = RobustStatistics.medianAbsoluteDeviation(amounts);
            if (mad.signum() == 0) {
                return;
            }
            expenses.stream()
                    .filter(e -> !e.on().isBefore(monthStart))
                    .sorted(java.util.Comparator.comparing(Expense::on).thenComparing(Expense::transactionId))
                    .forEach(expense -> {
                        double z = RobustStatistics.robustZ(expense.amount(), median, mad);
                        if (z <= THRESHOLD) {
                            return;
                        }
                        BigDecimal zRounded = BigDecimal.valueOf(z).setScale(2, RoundingMode.HALF_UP);
                        Map<String, Object> evidence = new LinkedHashMap<>();
                        evidence.put("transactionId", expense.transactionId().toString());
                        evidence.put("category", category);
                        evidence.put("on", expense.on().toString());
                        evidence.put("amount", money(expense.amount()));
                        evidence.put("median", money(median));
                        evidence.put("mad", money(mad));
                        evidence.put("zScore", zRounded);
                        evidence.put("threshold", THRESHOLD);
                        evidence.put("sampleSize", expenses.size());
                        found.add(new Insight(
                                InsightKind.UNUSUAL_TRANSACTION,
                                expense.transactionId().toString(),
                                z > HIGH_THRESHOLD ? Severity.HIGH : Severity.MEDIUM,
                                "Unusual expense in " + category,
                                "An expense of %s %s in %s on %s is far above your usual %s %s (robust z-score %s)."
                                        .formatted(
                                                money(expense.amount()),
                                                figures.currency(),
                                                category,
                                                expense.on(),
                                                money(median),
                                                figures.currency(),
                                                zRounded.toPlainString()),
                                evidence));
                    });
        });
        return found;
    }
}
