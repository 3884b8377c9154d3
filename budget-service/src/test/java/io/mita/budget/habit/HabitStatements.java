package io.mita.budget.habit;

/** The habit feature's part of the dashboard's statement, for the dashboard's query-plan test in another package. */
public final class HabitStatements {

    public static final String HABITS = HabitStreakReader.HABITS;

    private HabitStatements() {}
}
