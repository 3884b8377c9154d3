package io.mita.budget.redistribution;

/**
 * What a category is for, which decides whether and when its surplus may cover another category's deficit.
 *
 * <p>The declaration order is the order in which other categories are drawn from: discretionary first, then
 * essential, then (only when the month's {@link MonthLedger#releasable()} allows it) fixed commitments and,
 * last of all, savings.
 */
public enum CategoryRole {
    /** Spending the user can do without (dining, entertainment, shopping): the first to give up its surplus. */
    DISCRETIONARY,
    /** Spending the user needs (groceries, transport, health): drawn from once discretionary surplus is gone. */
    ESSENTIAL,
    /** Rent, subscriptions, instalments: protected, drawn from only when the user released it for the month. */
    FIXED_COMMITMENT,
    /** The month's savings target: protected, drawn from only when released, and then after everything else. */
    SAVINGS;

    /** Whether surplus of this role may cover other categories only when the user allows it. */
    public boolean isProtected() {
        return this == FIXED_COMMITMENT || this == SAVINGS;
    }
}
