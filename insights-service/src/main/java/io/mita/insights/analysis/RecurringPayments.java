package io.mita.insights.analysis;

import static io.mita.insights.analysis.Amounts.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Recurring payments and subscriptions: expenses at the same merchant (trimmed, case ignored) in the 365 days up
 * to {@code asOf}, at least three, every amount within ±10 % of their median, at a regular interval: the median
 * of the days between consecutive payments (halves rounded up), at least 5 days, with every interval within
 * max(3 days, 20 % of it) of the median. Reported (LOW) for the months with a payment, with the next expected
 * date = last payment + median interval. The merchant is in the evidence only, never in the text.
 */
final class RecurringPayments implements InsightRule {

    static final int MIN_PAYMENTS = 3;
    static final BigDecimal AMOUNT_TOLERANCE = new BigDecimal("0.10");
    static final long MIN_INTERVAL_DAYS = 5;
    static final long LOOKBACK_DAYS = 365;

    @Override
    public List<Insight> find(MonthFigures figures) {
        List<Insight> found = new ArrayList<>();
        LocalDate from = figures.asOf().minusDays(LOOKBACK_DAYS);
        LocalDate monthStart = figures.month().atDay(1);
        Map<String, List<Expense>> byMerchant = figures.history().stream()
                .filter(e -> e.merchant() != null && !e.merchant().isBlank())
                .filter(e -> !e.on().isBefore(from) && !e.on().isAfter(figures.asOf()))
                .collect(Collectors.groupingBy(
                        e -> e.merchant().strip().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.toList()));
        byMerchant.forEach((merchant, payments) -> {
            List<Expense> sorted =
                    payments.stream().sorted(Comparator.comparing(Expense::on)).toList();
            if (sorted.size() < MIN_PAYMENTS
                    || sorted.get(sorted.size() - 1).on().isBefore(monthStart)) {
                return;
            }
            BigDecimal typical =
                    RobustStatistics.median(sorted.stream().map(Expense::amount).toList());
            BigDecimal tolerance = typical.multiply(AMOUNT_TOLERANCE);
            if (sorted.stream().anyMatch(e -> e.amount().subtract(typical).abs().compareTo(tolerance) > 0)) {
                return;
            }
            List<Long> intervals = new ArrayList<>();
            for (int i = 1; i < sorted.size(); i++) {
                intervals.add(ChronoUnit.DAYS.between(
                        sorted.get(i - 1).on(), sorted.get(i).on()));
            }
            long interval = medianDays(intervals);
            long slack = Math.max(3, Math.round(interval * 0.2));
            if (interval < MIN_INTERVAL_DAYS || intervals.stream().anyMatch(d -> Math.abs(d - interval) > slack)) {
                return;
            }
            Expense last = sorted.get(sorted.size() - 1);
            LocalDate next = last.on().plusDays(interval);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("merchant", last.merchant().strip());
            evidence.put("category", last.category());
            evidence.put("payments", sorted.size());
            evidence.put("typicalAmount", money(typical));
            evidence.put("intervalDays", interval);
            evidence.put("lastOn", last.on().toString());
            evidence.put("nextExpectedOn", next.toString());
            found.add(new Insight(
                    InsightKind.RECURRING_PAYMENT,
                    merchant,
                    Severity.LOW,
                    "Recurring payment in " + last.category(),
                    "A payment of about %s %s in %s repeats every %d days (%d times); the next is expected on %s."
                            .formatted(
                                    money(typical), figures.currency(), last.category(), interval, sorted.size(), next),
                    evidence));
        });
        return found;
    }

    /** The median of whole days, the mean of the two middle ones rounded half up for an even count. */
    static long medianDays(List<Long> days) {
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2) + 1) / 2;
    }
}
