package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A first plan for a new user from an income and the default categories, after the 50/30/20 rule: 20 % to the
 * savings target, 50 % to the essential categories and 30 % to the discretionary ones, split by the shares
 * below (docs/budget.md, "Suggested plan"). No commitments: the user adds rent and subscriptions, which then
 * come out of the categories they replace. Exact in minor units: shares are rounded down and the missing units
 * go to the largest remainders (ties to the earlier line), so the lines add up to the income exactly.
 */
final class PlanSuggestion {

    record Share(String category, int basisPoints) {}

    /** Savings target, then the default categories; basis points of the income, adding up to 10,000. */
    static final int SAVINGS_BASIS_POINTS = 2000;

    static final List<Share> SHARES = List.of(
            new Share("housing", 2500),
            new Share("groceries", 1200),
            new Share("utilities", 500),
            new Share("transport", 500),
            new Share("health", 200),
            new Share("education", 100),
            new Share("dining", 800),
            new Share("entertainment", 600),
            new Share("shopping", 800),
            new Share("other", 800),
            new Share("savings", 0));

    private PlanSuggestion() {}

    static Plan suggest(UUID userId, YearMonth month, long income, Currency currency) {
        int lines = SHARES.size() + 1;
        long[] amounts = new long[lines];
        long[] remainders = new long[lines];
        long given = 0;
        for (int i = 0; i < lines; i++) {
            int basisPoints = i == 0 ? SAVINGS_BASIS_POINTS : SHARES.get(i - 1).basisPoints();
            // income ≤ 10^16 minor units, basis points ≤ 10^4: the product stays below 2^63
            long scaled = Math.multiplyExact(income, (long) basisPoints);
            amounts[i] = scaled / 10_000;
            remainders[i] = scaled % 10_000;
            given += amounts[i];
        }
        for (long missing = income - given; missing > 0; missing--) {
            int largest = 0;
            for (int i = 1; i < lines; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            amounts[largest]++;
            remainders[largest] = -1;
        }
        List<Plan.Allocation> allocations = new ArrayList<>();
        for (int i = 1; i < lines; i++) {
            allocations.add(new Plan.Allocation(SHARES.get(i - 1).category(), amounts[i], null));
        }
        return new Plan(
                null,
                userId,
                month,
                currency,
                income,
                amounts[0],
                List.of(),
                allocations,
                false,
                false,
                false,
                null,
                null,
                null);
    }
}
