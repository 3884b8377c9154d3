package io.mita.budget.goal;

import java.util.List;

/** The caller's goals in creation order. A user keeps a handful of goals, so the list is not paged. */
record GoalListResponse(List<GoalResponse> items) {}
