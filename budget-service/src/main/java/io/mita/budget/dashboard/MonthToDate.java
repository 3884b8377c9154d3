package io.mita.budget.dashboard;

import io.mita.budget.plan.PlannedMonth;

/**
 * The dashboard's view of the plan feature (implemented there): today's month as the calendar plans it (the
 * plan, its daily allocations after redistribution and the spending per category and day), null when the month
 * has no plan.
 */
public interface MonthToDate extends DashboardPart<PlannedMonth> {}
