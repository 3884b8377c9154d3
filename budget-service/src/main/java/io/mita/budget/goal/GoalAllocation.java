package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** The part of each month's plan savings target that goes to one goal: a row of table {@code goal_allocation}. */
record GoalAllocation(
        UUID goalId, UUID userId, BigDecimal monthlyAmount, String currency, boolean autoTransfer, Instant updatedAt) {

    Money monthly() {
        return new Money(monthlyAmount, Currency.getInstance(currency));
    }
}
