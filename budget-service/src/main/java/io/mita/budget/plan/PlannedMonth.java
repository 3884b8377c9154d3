package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;

/**
 * A user's planned month as the calendar (and later the dashboard) reads it: per spending category (the plan's
 * and any with spending, in the plan's order) the planned amount per day after redistribution and the spending
 * per day, in minor units of {@link #currency()} (arrays as long as the month, index 0 = day 1). The plan's
 * protected money (commitments, savings) is not a spending category and is not in here.
 */
public record PlannedMonth(
        YearMonth month, Currency currency, Map<String, long[]> planned, Map<String, long[]> spent) {}
