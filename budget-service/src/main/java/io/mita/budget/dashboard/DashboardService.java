package io.mita.budget.dashboard;

import io.mita.budget.plan.PlannedMonth;
import io.mita.budget.plan.PlannedMonths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The dashboard: today's safe-to-spend and the month to date (the calendar's planned month), the latest
 * transactions, the next goals and the habits' streaks. A fixed number of queries whatever the user's data
 * (docs/budget.md, "Dashboard"): the planned month's three, one for the transactions, one for the goals, and at
 * most three for the habits; the four parts are read side by side.
 */
@Service
class DashboardService {

    static final int LATEST_TRANSACTIONS = 5;
    static final int NEXT_GOALS = 3;

    private final PlannedMonths months;
    private final LatestTransactions transactions;
    private final NextGoals goals;
    private final HabitStreaks habits;
    private final Clock clock;

    DashboardService(
            PlannedMonths months, LatestTransactions transactions, NextGoals goals, HabitStreaks habits, Clock clock) {
        this.months = months;
        this.transactions = transactions;
        this.goals = goals;
        this.habits = habits;
        this.clock = clock;
    }

    Mono<DashboardResponse> dashboard(UUID userId, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        YearMonth month = YearMonth.from(today);
        return Mono.zip(
                        months.find(userId, month).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        transactions.latest(userId, LATEST_TRANSACTIONS).collectList(),
                        goals.next(userId, NEXT_GOALS).collectList(),
                        habits.of(userId, today).collectList())
                .map(parts -> new DashboardResponse(
                        today,
                        zone.getId(),
                        month.toString(),
                        parts.getT1().map(planned -> budget(planned, today)).orElse(null),
                        parts.getT2(),
                        parts.getT3(),
                        parts.getT4()));
    }

    /** Today's safe-to-spend and, per category, the month's plan, the spending up to today and what remains. */
    static DashboardResponse.Budget budget(PlannedMonth month, LocalDate today) {
        List<DashboardResponse.CategoryToDate> categories = new ArrayList<>();
        long plannedTotal = 0;
        long spentTotal = 0;
        for (String category : month.planned().keySet()) {
            long planned = month.plannedInMonth(category);
            long spent = month.spentUpTo(category, today);
            plannedTotal += planned;
            spentTotal += spent;
            categories.add(new DashboardResponse.CategoryToDate(
                    category, month.text(planned), month.text(spent), month.text(planned - spent)));
        }
        return new DashboardResponse.Budget(
                month.currency().getCurrencyCode(),
                month.text(month.safeToSpend(today)),
                month.text(plannedTotal),
                month.text(spentTotal),
                month.text(plannedTotal - spentTotal),
                categories);
    }
}
