package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Goals and contributions as a client states them; each call makes a fresh, mutable map. */
final class GoalFixtures {

    private GoalFixtures() {}

    /** A goal of 1200.00 EUR due in a year from {@code today}. */
    static Map<String, Object> aGoal(LocalDate today) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Holiday in Lisbon");
        body.put("targetAmount", "1200.00");
        body.put("currency", "EUR");
        body.put("targetDate", today.plusYears(1).toString());
        body.put("category", "travel");
        body.put("icon", "plane");
        return body;
    }

    static Map<String, Object> aGoal() {
        return aGoal(LocalDate.now());
    }

    static Map<String, Object> aContribution(String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("currency", "EUR");
        return body;
    }

    static GoalDraft aDraft(String target, LocalDate targetDate) {
        return new GoalDraft("Holiday in Lisbon", Money.parse(target, "EUR"), targetDate, "travel", "plane");
    }

    static ContributionDraft euros(String amount) {
        return new ContributionDraft(Money.parse(amount, "EUR"), null);
    }

    static Map<String, Object> with(Map<String, Object> body, String member, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(member, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> body, String member) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(member);
        return changed;
    }
}
