package io.mita.budget.redistribution;

/** Why a {@link Move} happened; each value maps to one sentence the app can show the user. */
public enum MoveReason {
    /**
     * The destination day (a day with spending above its plan) was overspent; the amount came from a later open
     * day of the same category.
     */
    OVERSPENDING_COVERED_FROM_SAME_CATEGORY,
    /**
     * The destination day was overspent and its own category had nothing left after it; the amount came from a
     * later open day of another category, in the order of {@link CategoryRole}, then priority, then name.
     */
    OVERSPENDING_COVERED_FROM_OTHER_CATEGORY,
    /** The source day is closed and was underspent; what was left of its plan went to the open days of its category. */
    UNDERSPENDING_ROLLED_FORWARD
}
