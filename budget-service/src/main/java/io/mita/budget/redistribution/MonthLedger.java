package io.mita.budget.redistribution;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The input of one redistribution run: every category of one user's month with its daily plan and spending, all
 * in minor units of the plan's one currency.
 *
 * <p>Checked on construction: every category has exactly {@code month.lengthOfMonth()} days, category keys are
 * unique, and the month's planned and spent totals fit in a {@code long} (so the algorithm never overflows).
 *
 * @param month the calendar month the arrays describe
 * @param categories the categories, in any order (the result does not depend on it)
 * @param releasable which protected roles ({@link CategoryRole#FIXED_COMMITMENT}, {@link CategoryRole#SAVINGS})
 *     the user allows to cover other categories as a last resort; empty by default. Other roles are refused.
 */
public record MonthLedger(YearMonth month, List<CategoryMonth> categories, Set<CategoryRole> releasable) {

    public MonthLedger {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(releasable, "releasable");
        categories = List.copyOf(categories);
        releasable = releasable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(releasable));
        for (CategoryRole role : releasable) {
            if (!role.isProtected()) {
                throw new IllegalArgumentException(
                        "only FIXED_COMMITMENT and SAVINGS can be released, " + role + " is always available");
            }
        }
        int days = month.lengthOfMonth();
        Set<String> names = new HashSet<>();
        long plannedTotal = 0;
        long spentTotal = 0;
        for (CategoryMonth category : categories) {
            if (category.days() != days) {
                throw new IllegalArgumentException("category " + category.category() + " has " + category.days()
                        + " days but " + month + " has " + days);
            }
            if (!names.add(category.category())) {
                throw new IllegalArgumentException("category " + category.category() + " appears twice");
            }
            try {
                plannedTotal = Math.addExact(plannedTotal, category.plannedTotal());
                spentTotal = Math.addExact(spentTotal, category.spentTotal());
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException("the month's totals do not fit in minor units of a long", overflow);
            }
        }
    }

    /** A ledger where no protected role is released. */
    public static MonthLedger of(YearMonth month, List<CategoryMonth> categories) {
        return new MonthLedger(month, categories, Set.of());
    }

    /** The month's planned total over all categories: redistribution never changes it. */
    public long plannedTotal() {
        long total = 0;
        for (CategoryMonth category : categories) {
            total += category.plannedTotal();
        }
        return total;
    }

    /** The category with this key, or {@code null} when the month has none. */
    public CategoryMonth category(String key) {
        for (CategoryMonth category : categories) {
            if (category.category().equals(key)) {
                return category;
            }
        }
        return null;
    }
}
