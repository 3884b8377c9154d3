package io.mita.budget.habit;

import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One habit of one user: a row of table {@code habit}. Immutable; {@link #version()} is the optimistic lock
 * (null: not inserted yet). Never leaves the service: the API shows a {@link HabitResponse}.
 */
@Table("habit")
record Habit(
        @Id UUID id,
        UUID userId,
        String name,
        String category,
        Integer maxCount,
        BigDecimal maxAmount,
        String currency,
        HabitPeriod period,
        boolean weekdaysOnly,
        LocalDate startsOn,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    static Habit create(UUID id, UUID userId, HabitDraft draft, Instant now) {
        return of(id, userId, draft, now, now, null);
    }

    Habit withContent(HabitDraft draft, Instant now) {
        return of(id, userId, draft, createdAt, now, version);
    }

    private static Habit of(UUID id, UUID userId, HabitDraft draft, Instant createdAt, Instant now, Long version) {
        HabitRule rule = draft.rule();
        HabitLimit limit = rule.limit();
        return new Habit(
                id,
                userId,
                draft.name(),
                rule.category(),
                limit == null ? null : limit.maxCount(),
                limit == null || !limit.isAmount() ? null : limit.maxAmount().amount(),
                limit == null ? null : limit.currencyCode(),
                rule.period(),
                rule.weekdaysOnly(),
                rule.startsOn(),
                createdAt,
                now,
                version);
    }

    HabitRule rule() {
        HabitLimit limit = null;
        if (maxCount != null) {
            limit = HabitLimit.count(maxCount);
        } else if (maxAmount != null) {
            limit = HabitLimit.amount(new Money(maxAmount, Currency.getInstance(currency)));
        }
        return new HabitRule(category, limit, period, weekdaysOnly, startsOn);
    }

    HabitDraft content() {
        return new HabitDraft(name, rule());
    }
}
