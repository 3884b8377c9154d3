package io.mita.budget.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies of {@code PUT /api/budget/plans/{month}} for the integration tests: a month of 3000.00 EUR income with
 * 300.00 for groceries and 150.00 for dining, no savings target and no commitments, unless the test says otherwise.
 * {@code aPlan().withIncome("2000.00").withCategories("groceries", "400.00").json()}.
 */
public final class BudgetPlans {

    private BudgetPlans() {}

    /** Income 3000.00 EUR; groceries 300.00 and dining 150.00 a month; no savings target, no commitments. */
    public static PlanBody aPlan() {
        return new PlanBody("3000.00", null, List.of("groceries", "300.00", "dining", "150.00"));
    }

    /**
     * A plan's request body.
     *
     * @param categories each category's key followed by its monthly amount, in the plan's order
     */
    public record PlanBody(String income, String savingsTarget, List<String> categories) {

        public PlanBody {
            if (categories.size() % 2 != 0) {
                throw new IllegalArgumentException("categories come as key, amount pairs: " + categories);
            }
            categories = List.copyOf(categories);
        }

        public PlanBody withIncome(String income) {
            return new PlanBody(income, savingsTarget, categories);
        }

        public PlanBody withSavingsTarget(String savingsTarget) {
            return new PlanBody(income, savingsTarget, categories);
        }

        /** Replaces the categories: each key followed by its monthly amount ("groceries", "400.00", …). */
        public PlanBody withCategories(String... keysAndAmounts) {
            return new PlanBody(income, savingsTarget, List.of(keysAndAmounts));
        }

        /** The JSON members of the request (no {@code savingsTarget} member when none is set). */
        public Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("income", income);
            body.put("currency", "EUR");
            if (savingsTarget != null) {
                body.put("savingsTarget", savingsTarget);
            }
            List<Map<String, String>> allocations = new ArrayList<>();
            for (int i = 0; i < categories.size(); i += 2) {
                allocations.add(Map.of("category", categories.get(i), "amount", categories.get(i + 1)));
            }
            body.put("categories", List.copyOf(allocations));
            return Collections.unmodifiableMap(body);
        }
    }
}
