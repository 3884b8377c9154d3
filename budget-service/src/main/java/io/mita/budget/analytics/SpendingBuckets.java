package io.mita.budget.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shapes the aggregate's rows into the answer: every bucket (month or day) of the range in order, empty ones
 * included, each with its categories (one line per category and currency: amounts in different currencies are
 * never added up) and a total per currency. Amounts are decimal strings with the currency's fraction digits.
 * Pure domain.
 */
final class SpendingBuckets {

    private SpendingBuckets() {}

    static CategorySpendingResponse months(AnalyticsRange range, List<SpendingRow> rows) {
        Map<LocalDate, List<SpendingRow>> byBucket = group(rows);
        List<CategorySpendingResponse.Month> months = new ArrayList<>();
        for (YearMonth month = range.from(); !month.isAfter(range.to()); month = month.plusMonths(1)) {
            List<SpendingRow> inMonth = byBucket.getOrDefault(month.atDay(1), List.of());
            months.add(new CategorySpendingResponse.Month(month.toString(), categories(inMonth), totals(inMonth)));
        }
        return new CategorySpendingResponse(range.from().toString(), range.to().toString(), months);
    }

    static DailySpendingResponse days(YearMonth month, List<SpendingRow> rows) {
        Map<LocalDate, List<SpendingRow>> byBucket = group(rows);
        List<DailySpendingResponse.Day> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            List<SpendingRow> onDay = byBucket.getOrDefault(day, List.of());
            days.add(new DailySpendingResponse.Day(day, categories(onDay), totals(onDay)));
        }
        return new DailySpendingResponse(month.toString(), days);
    }

    private static Map<LocalDate, List<SpendingRow>> group(List<SpendingRow> rows) {
        Map<LocalDate, List<SpendingRow>> byBucket = new TreeMap<>();
        for (SpendingRow row : rows) {
            byBucket.computeIfAbsent(row.bucket(), bucket -> new ArrayList<>()).add(row);
        }
        return byBucket;
    }

    private static List<CategorySpending> categories(List<SpendingRow> rows) {
        return rows.stream()
                .map(row -> new CategorySpending(
                        row.category(), row.currency(), text(row.spent(), row.currency()), row.expenses()))
                .toList();
    }

    private static List<CurrencyTotal> totals(List<SpendingRow> rows) {
        Map<String, BigDecimal> spent = new TreeMap<>();
        Map<String, Long> expenses = new LinkedHashMap<>();
        for (SpendingRow row : rows) {
            spent.merge(row.currency(), row.spent(), BigDecimal::add);
            expenses.merge(row.currency(), row.expenses(), Long::sum);
        }
        return spent.entrySet().stream()
                .map(total -> new CurrencyTotal(
                        total.getKey(), text(total.getValue(), total.getKey()), expenses.get(total.getKey())))
                .toList();
    }

    /** Stored amounts carry no more than the currency's digits (Money checks), so the scale change is exact. */
    static String text(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
