package io.mita.insights.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A builder of the figures of one user-month, in EUR. */
final class FiguresFixtures {

    private final YearMonth month;
    private LocalDate asOf;
    private final Map<String, BigDecimal> spent = new TreeMap<>();
    private final Map<String, BigDecimal> previous = new TreeMap<>();
    private BigDecimal income = BigDecimal.ZERO;
    private final Map<LocalDate, BigDecimal> daily = new TreeMap<>();
    private final List<Expense> history = new ArrayList<>();
    private PlanFigures plan;

    private FiguresFixtures(YearMonth month) {
        this.month = month;
        this.asOf = month.atEndOfMonth();
    }

    static FiguresFixtures aMonth(YearMonth month) {
        return new FiguresFixtures(month);
    }

    FiguresFixtures asOf(LocalDate day) {
        this.asOf = day;
        return this;
    }

    FiguresFixtures spent(String category, String amount) {
        spent.put(category, new BigDecimal(amount));
        return this;
    }

    FiguresFixtures previouslySpent(String category, String amount) {
        previous.put(category, new BigDecimal(amount));
        return this;
    }

    FiguresFixtures income(String amount) {
        income = new BigDecimal(amount);
        return this;
    }

    FiguresFixtures onDay(LocalDate day, String amount) {
        daily.put(day, new BigDecimal(amount));
        return this;
    }

    FiguresFixtures expense(String category, String merchant, LocalDate on, String amount) {
        return expense(UUID.randomUUID(), category, merchant, on, amount);
    }

    FiguresFixtures expense(UUID id, String category, String merchant, LocalDate on, String amount) {
        history.add(new Expense(id, category, merchant, on, new BigDecimal(amount)));
        return this;
    }

    FiguresFixtures plan(String income, String savingsTarget, Map<String, String> allocations) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        allocations.forEach((category, amount) -> amounts.put(category, new BigDecimal(amount)));
        plan = new PlanFigures(new BigDecimal(income), new BigDecimal(savingsTarget), amounts);
        return this;
    }

    MonthFigures build() {
        return new MonthFigures(month, asOf, "EUR", spent, previous, income, daily, history, plan);
    }
}
