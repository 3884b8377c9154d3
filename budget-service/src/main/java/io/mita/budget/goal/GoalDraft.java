package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a goal is as its owner states it, already valid: what a create request becomes and what a patch
 * produces. Text is trimmed; an empty category or icon is none.
 */
record GoalDraft(String name, Money target, LocalDate targetDate, String category, String icon) {

    GoalDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetDate, "targetDate");
        name = name.strip();
        category = blankToNull(category);
        icon = blankToNull(icon);
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
