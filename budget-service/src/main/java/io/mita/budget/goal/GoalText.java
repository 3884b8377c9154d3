package io.mita.budget.goal;

/** Patterns shared by the goal requests. */
final class GoalText {

    /** At least one character that is not white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private GoalText() {}
}
