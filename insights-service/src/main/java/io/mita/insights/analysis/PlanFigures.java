package io.mita.insights.analysis;

import java.math.BigDecimal;
import java.util.Map;

/** What the analysis reads of the month's plan: planned income, savings target, allocations per category. */
public record PlanFigures(BigDecimal income, BigDecimal savingsTarget, Map<String, BigDecimal> allocations) {

    public BigDecimal plannedSpending() {
        return allocations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
