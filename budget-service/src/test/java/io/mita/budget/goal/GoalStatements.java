package io.mita.budget.goal;

/** The goal feature's hot statements, for the dashboard's query-plan test in another package. */
public final class GoalStatements {

    public static final String NEXT = NextGoalReader.NEXT;

    private GoalStatements() {}
}
