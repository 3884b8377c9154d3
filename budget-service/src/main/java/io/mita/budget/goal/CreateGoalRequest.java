package io.mita.budget.goal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mita.budget.money.Money;
import io.mita.budget.web.MoneyFields;
import io.mita.budget.web.ValidMoney;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/budget/goals}. Unknown members ({@code id}, {@code userId}, {@code status},
 * {@code savedAmount}, ...) are ignored: the owner comes from the token, a new goal is ACTIVE with nothing
 * saved. The target date is judged by {@link TargetDateRule} in the use case (422, not 400).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidMoney
record CreateGoalRequest(
        @NotNull @Pattern(regexp = GoalText.NOT_BLANK, message = "must not be blank") @Size(max = 100)
        String name,

        @NotNull String targetAmount,
        @NotNull String currency,
        @NotNull LocalDate targetDate,
        @Size(max = 64) String category,
        @Size(max = 32) String icon)
        implements MoneyFields {

    @Override
    public String amount() {
        return targetAmount;
    }

    @Override
    public String amountField() {
        return "targetAmount";
    }

    GoalDraft toDraft() {
        return new GoalDraft(name, Money.parse(targetAmount, currency), targetDate, category, icon);
    }
}
