package io.mita.budget.habit;

import java.util.Objects;

/** The content of a habit as the user states it, already valid: what a create request or a patch becomes. */
record HabitDraft(String name, HabitRule rule) {

    HabitDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        name = name.strip();
    }
}
