package io.mita.budget.dashboard;

import java.util.UUID;

/**
 * A habit on the dashboard: its streaks (as the habit's progress counts them) and the status of its current
 * period ({@code PENDING}, {@code KEPT} or {@code MISSED}; null while no period holds today).
 */
public record DashboardHabit(
        UUID id, String name, String period, boolean automatic, int currentStreak, int longestStreak, String current) {}
