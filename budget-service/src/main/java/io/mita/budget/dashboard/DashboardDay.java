package io.mita.budget.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;

/** The day the dashboard is computed for (in the caller's zone) and its month. */
public record DashboardDay(LocalDate today) {

    public YearMonth month() {
        return YearMonth.from(today);
    }
}
