package io.mita.budget.transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A transaction as the API shows it; the amount is a decimal string with the currency's fraction digits. */
record TransactionResponse(
        UUID id,
        String type,
        String amount,
        String currency,
        String category,
        LocalDate occurredOn,
        String merchant,
        String note,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static TransactionResponse of(Transaction transaction) {
        return new TransactionResponse(
                transaction.id(),
                transaction.type().name(),
                transaction.money().amountText(),
                transaction.currency(),
                transaction.category(),
                transaction.occurredOn(),
                transaction.merchant(),
                transaction.note(),
                transaction.version(),
                transaction.createdAt(),
                transaction.updatedAt());
    }
}
