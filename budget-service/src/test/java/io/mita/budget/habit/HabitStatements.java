package io.mita.budget.habit;

/** The habit feature's hot statements, for the dashboard's query-plan test in another package. */
public final class HabitStatements {

    public static final String DAILY_BY_CATEGORY = HabitSpending.DAILY_BY_CATEGORY;
    public static final String DAYS_OF_USER = HabitCompletions.DAYS_OF_USER;

    private HabitStatements() {}
}
