package io.mita.budget.category;

import java.util.List;

/**
 * The set every user starts with (seeded as the user's own rows on first use; docs/budget.md, "Categories"
 * says why each has its kind). Keys are stable: transactions and plans name them.
 */
final class DefaultCategories {

    record Default(String key, String name, CategoryKind kind) {}

    static final List<Default> ALL = List.of(
            new Default("groceries", "Groceries", CategoryKind.ESSENTIAL),
            new Default("dining", "Dining", CategoryKind.DISCRETIONARY),
            new Default("transport", "Transport", CategoryKind.ESSENTIAL),
            new Default("housing", "Housing", CategoryKind.ESSENTIAL),
            new Default("utilities", "Utilities", CategoryKind.ESSENTIAL),
            new Default("health", "Health", CategoryKind.ESSENTIAL),
            new Default("entertainment", "Entertainment", CategoryKind.DISCRETIONARY),
            new Default("shopping", "Shopping", CategoryKind.DISCRETIONARY),
            new Default("education", "Education", CategoryKind.ESSENTIAL),
            new Default("savings", "Savings", CategoryKind.ESSENTIAL),
            new Default("other", "Other", CategoryKind.DISCRETIONARY));

    private DefaultCategories() {}
}
