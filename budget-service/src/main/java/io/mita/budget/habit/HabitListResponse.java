package io.mita.budget.habit;

import java.util.List;

/** The caller's habits, oldest first. */
record HabitListResponse(List<HabitResponse> items) {}
