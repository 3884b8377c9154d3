package io.mita.budget.plan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Daily allocations to write as whole months of categories: the categories ({@code categories}) and their months one
 * after the other ({@code amounts}, {@code days} amounts in minor units each, the 1st first), what
 * {@link MonthCellRepository#INSERT_ALLOCATIONS} and {@link MonthCellRepository#UPDATE_ALLOCATIONS} write. A
 * redistribution's changed cells are written as the months of the categories they belong to (one row each).
 */
record CategoryMonths(String[] categories, Long[] amounts, int days) {

    /**
     * The categories of {@code after} whose month differs from {@code before}'s; empty when the two are not the same
     * categories with months of {@code days} days (the month must then be replaced whole).
     */
    static Optional<CategoryMonths> between(Map<String, long[]> before, Map<String, long[]> after, int days) {
        if (!before.keySet().equals(after.keySet()) || !ofLength(before, days) || !ofLength(after, days)) {
            return Optional.empty();
        }
        Map<String, long[]> changed = new LinkedHashMap<>();
        after.forEach((category, month) -> {
            if (!Arrays.equals(before.get(category), month)) {
                changed.put(category, month);
            }
        });
        return Optional.of(of(changed, days));
    }

    /** Every category of {@code months}; each month must have {@code days} days. */
    static CategoryMonths of(Map<String, long[]> months, int days) {
        if (!ofLength(months, days)) {
            throw new IllegalArgumentException("a category's month has not " + days + " days: " + months.keySet());
        }
        String[] categories = new String[months.size()];
        Long[] amounts = new Long[months.size() * days];
        int i = 0;
        for (Map.Entry<String, long[]> month : months.entrySet()) {
            categories[i] = month.getKey();
            for (int day = 0; day < days; day++) {
                amounts[i * days + day] = month.getValue()[day];
            }
            i++;
        }
        return new CategoryMonths(categories, amounts, days);
    }

    /** The number of categories (rows) to write. */
    int size() {
        return categories.length;
    }

    boolean isEmpty() {
        return categories.length == 0;
    }

    private static boolean ofLength(Map<String, long[]> months, int days) {
        return months.values().stream().allMatch(month -> month.length == days);
    }
}
