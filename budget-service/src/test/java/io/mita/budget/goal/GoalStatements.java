package io.mita.budget.goal;

/** The goal feature's part of the dashboard's statement, for the dashboard's query-plan test in another package. */
public final class GoalStatements {

    public static final String NEXT = NextGoalReader.NEXT;

    private GoalStatements() {}
}
