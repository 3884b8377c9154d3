package io.mita.budget.dashboard;

import io.mita.budget.plan.PlannedMonth;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The dashboard: today's safe-to-spend and the month to date (the calendar's planned month), the latest
 * transactions, the next goals and the habits' streaks. Everything is read by one statement whatever the user's
 * data ({@link StoredDashboards}: a stored dashboard or one statement; docs/budget.md, "Dashboard"); the arithmetic
 * is the calendar's.
 */
@Service
class DashboardService {

    static final int LATEST_TRANSACTIONS = 5;
    static final int NEXT_GOALS = 3;

    private final DashboardSources sources;
    private final Clock clock;

    DashboardService(DashboardSources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    Mono<DashboardResponse> dashboard(UUID userId, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        YearMonth month = YearMonth.from(today);
        return sources.read(userId, new DashboardDay(today))
                .map(parts -> new DashboardResponse(
                        today,
                        zone.getId(),
                        month.toString(),
                        parts.month() == null ? null : budget(parts.month(), today),
                        parts.latestTransactions(),
                        parts.nextGoals(),
                        parts.habits()));
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
