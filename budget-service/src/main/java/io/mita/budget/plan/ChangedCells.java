package io.mita.budget.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily allocations a redistribution changed, as three arrays of the same length (category, day of the month,
 * new amount in minor units): what {@link MonthCellRepository#UPDATE_ALLOCATIONS} writes.
 */
record ChangedCells(String[] categories, Integer[] days, Long[] amounts) {

    /**
     * The cells of {@code after} that differ from {@code before}; empty when the two are not the same categories
     * with months of the same length (the month must then be replaced whole).
     */
    static Optional<ChangedCells> between(Map<String, long[]> before, Map<String, long[]> after) {
        if (!before.keySet().equals(after.keySet())) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (Map.Entry<String, long[]> category : after.entrySet()) {
            long[] old = before.get(category.getKey());
            long[] changed = category.getValue();
            if (old.length != changed.length) {
                return Optional.empty();
            }
            for (int day = 1; day <= changed.length; day++) {
                if (old[day - 1] != changed[day - 1]) {
                    categories.add(category.getKey());
                    days.add(day);
                    amounts.add(changed[day - 1]);
                }
            }
        }
        return Optional.of(new ChangedCells(
                categories.toArray(String[]::new), days.toArray(Integer[]::new), amounts.toArray(Long[]::new)));
    }

    int size() {
        return categories.length;
    }

    boolean isEmpty() {
        return categories.length == 0;
    }
}
