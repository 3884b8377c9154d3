package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;

/**
 * Money put into a goal: a row of table {@code goal_contribution}, never changed. {@code idempotencyKey} and
 * {@code requestHash} are set together when the client sent an {@code Idempotency-Key}; {@code transferMonth}
 * (the first day of the month) only for an automatic monthly transfer.
 */
record GoalContribution(
        UUID id,
        UUID goalId,
        UUID userId,
        BigDecimal amount,
        String currency,
        String note,
        ContributionSource source,
        String idempotencyKey,
        String requestHash,
        LocalDate transferMonth,
        Instant createdAt) {

    Money money() {
        return new Money(amount, Currency.getInstance(currency));
    }

    LocalDate madeOn() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }

    GoalHealth.Contribution forHealth() {
        return new GoalHealth.Contribution(madeOn(), amount);
    }
}
