package io.mita.budget.dashboard;

import java.util.List;

/**
 * The dashboard's view of the goal feature (implemented there): the user's ACTIVE goals with the nearest target
 * date first, at most {@code :goalLimit}.
 */
public interface NextGoals extends DashboardPart<List<DashboardGoal>> {}
