package io.mita.insights.analysis;

import static io.mita.insights.analysis.Amounts.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-of-month forecast of the planned categories against the plan, in a month not yet complete: forecast =
 * spent so far in the allocated categories × days of the month / days elapsed (asOf's day of month), rounded to
 * cents. Above 110 % of the planned spending (sum of the allocations): HIGH; above it: MEDIUM; else LOW (on
 * track). Needs a plan with allocations.
 */
final class MonthEndForecast implements InsightRule {

    static final BigDecimal HIGH_RATIO = new BigDecimal("1.10");

    @Override
    public List<Insight> find(MonthFigures figures) {
        if (figures.plan() == null
                || figures.complete()
                || !figures.month().equals(java.time.YearMonth.from(figures.asOf()))) {
            return List.of();
        }
        BigDecimal planned = figures.plan().plannedSpending();
        if (planned.signum() <= 0) {
            return List.of();
        }
        BigDecimal spent = figures.plan().allocations().keySet().stream()
                .map(figures::spent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int elapsed = figures.asOf().getDayOfMonth();
        int days = figures.month().lengthOfMonth();
        BigDecimal forecast =
                spent.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);
        BigDecimal difference = forecast.subtract(planned);
        Severity severity = forecast.compareTo(planned.multiply(HIGH_RATIO)) > 0
                ? Severity.HIGH
                : difference.signum() > 0 ? Severity.MEDIUM : Severity.LOW;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spentToDate", money(spent));
        evidence.put("daysElapsed", elapsed);
        evidence.put("daysInMonth", days);
        evidence.put("forecast", money(forecast));
        evidence.put("planned", money(planned));
        evidence.put("difference", money(difference));
        String currency = figures.currency();
        String text = severity == Severity.LOW
                ? "At this pace you will spend %s %s in the planned categories by the end of %s, within the %s %s planned."
                        .formatted(money(forecast), currency, figures.month(), money(planned), currency)
                : "At this pace you will spend %s %s in the planned categories by the end of %s, %s %s more than the %s %s planned."
                        .formatted(
                                money(forecast),
                                currency,
                                figures.month(),
                                money(difference),
                                currency,
                                money(planned),
                                currency);
        return List.of(new Insight(
                InsightKind.MONTH_END_FORECAST,
                "",
                severity,
                severity == Severity.LOW ? "On track this month" : "Heading over the plan",
                text,
                evidence));
    }
}
