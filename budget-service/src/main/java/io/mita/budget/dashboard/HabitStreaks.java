package io.mita.budget.dashboard;

import java.util.List;

/**
 * The dashboard's view of the habit feature (implemented there): every habit of the user with its streaks as of
 * the dashboard's today, whatever the number of habits one subquery.
 */
public interface HabitStreaks extends DashboardPart<List<DashboardHabit>> {}
