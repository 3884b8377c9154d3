package io.mita.budget.redistribution;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Builds category months and ledgers for the redistribution tests: {@code aCategory("dining", ...)}. */
final class RedistributionFixtures {

    private RedistributionFixtures() {}

    static CategoryBuilder aCategory(String name, CategoryRole role, YearMonth month) {
        return new CategoryBuilder(name, role, month.lengthOfMonth());
    }

    static MonthLedger aLedger(YearMonth month, Set<CategoryRole> releasable, CategoryBuilder... categories) {
        return new MonthLedger(
                month, Arrays.stream(categories).map(CategoryBuilder::build).toList(), releasable);
    }

    static MonthLedger aLedger(YearMonth month, CategoryBuilder... categories) {
        return aLedger(month, Set.of(), categories);
    }

    static long plannedTotal(List<CategoryMonth> categories) {
        long total = 0;
        for (CategoryMonth category : categories) {
            total += category.plannedTotal();
        }
        return total;
    }

    static final class CategoryBuilder {
        private final String name;
        private final CategoryRole role;
        private final long[] planned;
        private final long[] spent;
        private int priority;

        private CategoryBuilder(String name, CategoryRole role, int days) {
            this.name = name;
            this.role = role;
            this.planned = new long[days];
            this.spent = new long[days];
        }

        CategoryBuilder priority(int value) {
            priority = value;
            return this;
        }

        CategoryBuilder plannedEveryDay(long amount) {
            Arrays.fill(planned, amount);
            return this;
        }

        /** Planned amount of day {@code day} (counted from 1). */
        CategoryBuilder planned(int day, long amount) {
            planned[day - 1] = amount;
            return this;
        }

        /** Spent amount of day {@code day} (counted from 1). */
        CategoryBuilder spent(int day, long amount) {
            spent[day - 1] = amount;
            return this;
        }

        /** Days 1 to {@code lastDay} spent exactly what they planned (so they move nothing). */
        CategoryBuilder spentAsPlannedThrough(int lastDay) {
            System.arraycopy(planned, 0, spent, 0, lastDay);
            return this;
        }

        CategoryMonth build() {
            return new CategoryMonth(name, role, priority, planned, spent);
        }
    }
}
