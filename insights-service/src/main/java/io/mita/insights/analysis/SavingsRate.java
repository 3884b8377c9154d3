package io.mita.insights.analysis;

import static io.mita.insights.analysis.Amounts.money;
import static io.mita.insights.analysis.Amounts.percent;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Savings rate of the month: rate = (income − spent) × 100 / income, where income is the month's INCOME
 * transactions or, without any, the plan's income (no income at all: nothing). Against the plan's target rate =
 * savings target × 100 / income. Negative: HIGH; below the target: MEDIUM; else LOW.
 */
final class SavingsRate implements InsightRule {

    @Override
    public List<Insight> find(MonthFigures figures) {
        BigDecimal income = figures.income();
        String source = "transactions";
        if (income.signum() <= 0 && figures.plan() != null) {
            income = figures.plan().income();
            source = "plan";
        }
        if (income.signum() <= 0) {
            return List.of();
        }
        BigDecimal spent = figures.totalSpent();
        BigDecimal saved = income.subtract(spent);
        BigDecimal rate = percent(saved, income);
        BigDecimal target =
                figures.plan() == null || figures.plan().savingsTarget().signum() <= 0
                        ? null
                        : percent(figures.plan().savingsTarget(), income);
        Severity severity = rate.signum() < 0
                ? Severity.HIGH
                : target != null && rate.compareTo(target) < 0 ? Severity.MEDIUM : Severity.LOW;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("income", money(income));
        evidence.put("incomeSource", source);
        evidence.put("spent", money(spent));
        evidence.put("saved", money(saved));
        evidence.put("ratePercent", rate);
        evidence.put("targetPercent", target);
        String currency = figures.currency();
        String text = rate.signum() < 0
                ? "You spent %s %s more than your income of %s %s in %s."
                        .formatted(money(saved.negate()), currency, money(income), currency, figures.month())
                : "You kept %s %s of your income of %s %s in %s: a savings rate of %s %%%s."
                        .formatted(
                                money(saved),
                                currency,
                                money(income),
                                currency,
                                figures.month(),
                                rate.toPlainString(),
                                target == null ? "" : " (target " + target.toPlainString() + " %)");
        return List.of(new Insight(
                InsightKind.SAVINGS_RATE,
                "",
                severity,
                rate.signum() < 0 ? "Spending above income" : "Savings rate " + rate.toPlainString() + " %",
                text,
                evidence));
    }
}
