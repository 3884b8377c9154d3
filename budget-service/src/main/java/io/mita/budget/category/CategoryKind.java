package io.mita.budget.category;

/**
 * Whether spending in a category is needed or can be done without. Redistribution takes from
 * discretionary categories' surplus before essential ones (docs/budget.md, "Categories").
 */
public enum CategoryKind {
    ESSENTIAL,
    DISCRETIONARY
}
