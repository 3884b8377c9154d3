package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One savings goal of one user: a row of table {@code goal}. Immutable: each change makes a new instance,
 * and the state rules live here. {@link #version()} is the optimistic lock Spring Data checks on every save
 * (null means "not inserted yet") and the ETag of the API. Never leaves the service: the API shows a
 * {@link GoalResponse}, events their own payloads.
 *
 * <p>Decision: a goal completes itself when its saved amount reaches the target (by a contribution or by
 * a lowered target), whatever its status; the user may also complete it early. Completed is final.
 */
@Table("goal")
record Goal(
        @Id UUID id,
        UUID userId,
        String name,
        BigDecimal targetAmount,
        String currency,
        LocalDate targetDate,
        String category,
        String icon,
        GoalStatus status,
        BigDecimal savedAmount,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        @Version Long version) {

    static Goal create(UUID id, UUID userId, GoalDraft draft, Instant now) {
        return new Goal(
                id,
                userId,
                draft.name(),
                draft.target().amount(),
                draft.target().currencyCode(),
                draft.targetDate(),
                draft.category(),
                draft.icon(),
                GoalStatus.ACTIVE,
                BigDecimal.ZERO,
                null,
                now,
                now,
                null,
                null);
    }

    Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    int fractionDigits() {
        return currencyUnit().getDefaultFractionDigits();
    }

    /** The target in its currency, with the currency's fraction digits (the column keeps 4). */
    Money target() {
        return new Money(targetAmount, currencyUnit());
    }

    GoalProgress progress() {
        return GoalProgress.of(savedAmount, targetAmount, fractionDigits());
    }

    boolean completed() {
        return status == GoalStatus.COMPLETED;
    }

    LocalDate createdOn() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }

    GoalDraft content() {
        return new GoalDraft(name, target(), targetDate, category, icon);
    }

    /**
     * The goal with new content. A completed goal may be renamed or get another category or icon, but its
     * target, currency and date stay; a goal with savings keeps its currency. A target lowered to what is
     * saved completes the goal.
     */
    Goal withContent(GoalDraft draft, Instant now) {
        boolean targetChanges =
                !draft.target().equals(target()) || !draft.targetDate().equals(targetDate);
        if (completed() && targetChanges) {
            throw new GoalAlreadyCompletedException(id, "changing its target");
        }
        if (!draft.target().currencyCode().equals(currency) && savedAmount.signum() > 0) {
            throw new GoalCurrencyLockedException(id);
        }
        return new Goal(
                        id,
                        userId,
                        draft.name(),
                        draft.target().amount(),
                        draft.target().currencyCode(),
                        draft.targetDate(),
                        draft.category(),
                        draft.icon(),
                        status,
                        savedAmount,
                        completedAt,
                        createdAt,
                        now,
                        deletedAt,
                        version)
                .completedIfReached(now);
    }

    /** The goal with this contribution saved (completed if that reaches the target). */
    Goal contributed(Money amount, Instant now) {
        if (completed()) {
            throw new GoalAlreadyCompletedException(id, "a contribution");
        }
        if (!amount.currencyCode().equals(currency)) {
            throw new GoalCurrencyMismatchException(currency, amount.currencyCode());
        }
        return withStatus(status, savedAmount.add(amount.amount()), completedAt, now)
                .completedIfReached(now);
    }

    /** Paused: no automatic transfer, no nudging; contributions still welcome. Pausing a paused goal changes nothing. */
    Goal paused(Instant now) {
        if (completed()) {
            throw new GoalAlreadyCompletedException(id, "pausing");
        }
        return status == GoalStatus.PAUSED ? this : withStatus(GoalStatus.PAUSED, savedAmount, null, now);
    }

    /** Active again. Resuming an active goal changes nothing. */
    Goal resumed(Instant now) {
        if (completed()) {
            throw new GoalAlreadyCompletedException(id, "resuming");
        }
        return status == GoalStatus.ACTIVE ? this : withStatus(GoalStatus.ACTIVE, savedAmount, null, now);
    }

    /** Completed by its owner, reached or not. */
    Goal completedByOwner(Instant now) {
        if (completed()) {
            throw new GoalAlreadyCompletedException(id, "completing it again");
        }
        return withStatus(GoalStatus.COMPLETED, savedAmount, now, now);
    }

    Goal deleted(Instant now) {
        return new Goal(
                id,
                userId,
                name,
                targetAmount,
                currency,
                targetDate,
                category,
                icon,
                status,
                savedAmount,
                completedAt,
                createdAt,
                now,
                now,
                version);
    }

    private Goal completedIfReached(Instant now) {
        if (!completed() && savedAmount.compareTo(targetAmount) >= 0) {
            return withStatus(GoalStatus.COMPLETED, savedAmount, now, now);
        }
        return this;
    }

    private Goal withStatus(GoalStatus newStatus, BigDecimal saved, Instant newCompletedAt, Instant now) {
        return new Goal(
                id,
                userId,
                name,
                targetAmount,
                currency,
                targetDate,
                category,
                icon,
                newStatus,
                saved,
                newCompletedAt,
                createdAt,
                now,
                deletedAt,
                version);
    }
}
