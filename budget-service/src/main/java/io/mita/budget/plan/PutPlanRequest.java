package io.mita.budget.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mita.budget.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Body of {@code PUT /api/budget/plans/{yyyy-MM}}: the whole plan (PUT replaces it). Amounts are decimal
 * strings in {@code currency}; a line may repeat the currency, and a different one is 422
 * {@code PLAN_CURRENCY_MISMATCH}. {@code weekdayWeights} maps MONDAY..SUNDAY to a weight 0..100 (days left out
 * weigh 1). {@code releasable} says which protected money redistribution may use as a last resort.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidPlan
record PutPlanRequest(
        @NotNull String income,
        @NotNull String currency,
        String savingsTarget,
        @Size(max = 50) List<@Valid @NotNull CommitmentLine> commitments,
        @NotNull @Size(max = 100) List<@Valid @NotNull CategoryLine> categories,
        Boolean allowOverAllocation,
        Releasable releasable) {

    static final int MAX_WEIGHT = 100;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommitmentLine(
            @NotBlank @Size(max = 120) String name, @NotNull String amount, String currency) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CategoryLine(
            @NotBlank @Size(max = 64) String category,
            @NotNull String amount,
            String currency,
            Map<DayOfWeek, Integer> weekdayWeights) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Releasable(boolean commitments, boolean savings) {}

    List<CommitmentLine> commitmentLines() {
        return commitments == null ? List.of() : commitments;
    }

    /**
     * The plan this request states, for this user and month (category names as given: the service resolves
     * them to keys). Only called once bean validation passed, so every amount parses.
     */
    Plan toPlan(UUID userId, YearMonth month) {
        Currency planCurrency = Money.currency(currency);
        List<Plan.Commitment> commitmentList = new ArrayList<>();
        for (int i = 0; i < commitmentLines().size(); i++) {
            CommitmentLine line = commitmentLines().get(i);
            checkCurrency("commitments[" + i + "].currency", line.currency());
            commitmentList.add(
                    new Plan.Commitment(line.name().strip(), PlanAmounts.toMinor(line.amount(), planCurrency)));
        }
        List<Plan.Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryLine line = categories.get(i);
            checkCurrency("categories[" + i + "].currency", line.currency());
            allocations.add(new Plan.Allocation(
                    line.category().strip(),
                    PlanAmounts.toMinor(line.amount(), planCurrency),
                    weights(line.weekdayWeights())));
        }
        return new Plan(
                null,
                userId,
                month,
                planCurrency,
                PlanAmounts.toMinor(income, planCurrency),
                savingsTarget == null ? 0 : PlanAmounts.toMinor(savingsTarget, planCurrency),
                commitmentList,
                allocations,
                Boolean.TRUE.equals(allowOverAllocation),
                releasable != null && releasable.commitments(),
                releasable != null && releasable.savings(),
                null,
                null,
                null);
    }

    private void checkCurrency(String field, String lineCurrency) {
        if (lineCurrency != null && !lineCurrency.equals(currency)) {
            throw new PlanCurrencyMismatchException(field, lineCurrency, currency);
        }
    }

    /** Monday..Sunday; null when no weights are given (an even spread). */
    static List<Integer> weights(Map<DayOfWeek, Integer> given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        List<Integer> weights = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Integer weight = given.get(day);
            weights.add(weight == null ? 1 : weight);
        }
        return List.copyOf(weights);
    }
}
