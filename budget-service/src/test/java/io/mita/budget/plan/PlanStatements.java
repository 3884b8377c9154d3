package io.mita.budget.plan;

/** The plan feature's part of the dashboard's statement, for the dashboard's query-plan test in another package. */
public final class PlanStatements {

    public static final String MONTH_TO_DATE = MonthToDateReader.MONTH;

    private PlanStatements() {}
}
