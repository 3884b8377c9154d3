package io.mita.budget.calendar;

import io.mita.budget.plan.PlannedMonth;
import io.mita.budget.plan.PlannedMonths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The daily calendar of a planned month. Safe to spend on a day (docs/budget.md, "Safe to spend"): what the
 * day's plans over all spending categories leave after the day's spending, never below 0. Since redistribution
 * has already folded earlier days' over- and underspending into the plans of the open days, today's figure is
 * what the user can spend today without taking from another day.
 */
@Service
class CalendarService {

    private final PlannedMonths months;
    private final Clock clock;

    CalendarService(PlannedMonths months, Clock clock) {
        this.months = months;
        this.clock = clock;
    }

    Mono<CalendarResponse> calendar(UUID userId, YearMonth month) {
        return months.of(userId, month).map(planned -> calendar(planned, LocalDate.now(clock)));
    }

    static CalendarResponse calendar(PlannedMonth month, LocalDate today) {
        Currency currency = month.currency();
        List<CalendarResponse.Day> days = new ArrayList<>();
        for (int day = 1; day <= month.month().lengthOfMonth(); day++) {
            long plannedTotal = 0;
            long spentTotal = 0;
            List<CalendarResponse.CategoryDay> categories = new ArrayList<>();
            for (String category : month.planned().keySet()) {
                long planned = month.planned().get(category)[day - 1];
                long spent = month.spent().get(category)[day - 1];
                plannedTotal += planned;
                spentTotal += spent;
                categories.add(new CalendarResponse.CategoryDay(
                        category, month.text(planned), month.text(spent), month.text(planned - spent)));
            }
            days.add(new CalendarResponse.Day(
                    month.month().atDay(day),
                    month.text(plannedTotal),
                    month.text(spentTotal),
                    month.text(plannedTotal - spentTotal),
                    month.text(PlannedMonth.safeToSpend(plannedTotal, spentTotal)),
                    categories));
        }
        return new CalendarResponse(month.month().toString(), currency.getCurrencyCode(), today, days);
    }
}
