package io.mita.budget.transaction;

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
 * One recorded expense or income of one user: a row of table {@code transaction}. Immutable: each change
 * makes a new instance. {@link #version()} is the optimistic lock Spring Data checks on every save (null
 * means "not inserted yet") and the ETag of the API. Never leaves the service: the API shows a
 * {@link TransactionResponse}, events a {@link TransactionRecorded}.
 */
@Table("transaction")
record Transaction(
        @Id UUID id,
        UUID userId,
        TransactionType type,
        BigDecimal amount,
        String currency,
        String category,
        LocalDate occurredOn,
        String merchant,
        String note,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        @Version Long version) {

    static Transaction record(UUID id, UUID userId, TransactionDraft draft, Instant now) {
        return new Transaction(
                id,
                userId,
                draft.type(),
                draft.money().amount(),
                draft.money().currencyCode(),
                draft.category(),
                draft.occurredOn(),
                draft.merchant(),
                draft.note(),
                now,
                now,
                null,
                null);
    }

    /** This new transaction as inserted: its category's key, version 0. */
    Transaction inserted(String categoryKey) {
        return new Transaction(
                id,
                userId,
                type,
                amount,
                currency,
                categoryKey,
                occurredOn,
                merchant,
                note,
                createdAt,
                updatedAt,
                deletedAt,
                0L);
    }

    /** The amount in its currency, with the currency's fraction digits (the column keeps 4). */
    Money money() {
        return new Money(amount, Currency.getInstance(currency));
    }

    TransactionDraft content() {
        return new TransactionDraft(type, money(), category, occurredOn, merchant, note);
    }

    Transaction withContent(TransactionDraft draft, Instant now) {
        return new Transaction(
                id,
                userId,
                draft.type(),
                draft.money().amount(),
                draft.money().currencyCode(),
                draft.category(),
                draft.occurredOn(),
                draft.merchant(),
                draft.note(),
                createdAt,
                now,
                deletedAt,
                version);
    }

    Transaction deleted(Instant now) {
        return new Transaction(
                id, userId, type, amount, currency, category, occurredOn, merchant, note, createdAt, now, now, version);
    }
}
