package io.mita.budget.goal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mita.budget.money.Money;
import io.mita.budget.web.MoneyFields;
import io.mita.budget.web.ValidMoney;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/budget/goals/{id}/contributions}: an amount greater than 0 in the goal's currency
 * (another currency is 422 {@code GOAL_CURRENCY_MISMATCH}; no conversion is made) and an optional note.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidMoney
record CreateContributionRequest(
        @NotNull String amount,
        @NotNull String currency,
        @Size(max = 200) String note) implements MoneyFields {

    @Override
    public String amountField() {
        return "amount";
    }

    ContributionDraft toDraft() {
        return new ContributionDraft(Money.parse(amount, currency), note);
    }
}
