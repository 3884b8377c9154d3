package io.mita.budget.plan;

/** The plan feature's hot statements, for the dashboard's query-plan test in another package. */
public final class PlanStatements {

    public static final String MONTH_ALLOCATIONS = MonthCellRepository.ALLOCATIONS;
    public static final String MONTH_SPENDING = MonthCellRepository.SPENDING;

    private PlanStatements() {}
}
