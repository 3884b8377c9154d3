package io.mita.budget.transaction;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload ({@code data}) of the transaction events this service publishes on {@code mita.budget.v1}:
 * the transaction as it stands after the change. The same shape for every verb:
 * {@code mita.budget.transaction.created.v1}, {@code .updated.v1} and {@code .deleted.v1} (then the
 * state it had when deleted). {@code amount} is a decimal string with the currency's fraction digits;
 * {@code version} grows with every change, so a consumer can ignore a stale update. The free-text
 * {@code note} is left out on purpose: it may hold personal data that no other service needs.
 * Golden files: docs/events/mita.budget.transaction.{created,updated,deleted}.v1.json.
 */
public record TransactionRecorded(
        UUID transactionId,
        UUID userId,
        String type,
        String amount,
        String currency,
        String category,
        LocalDate occurredOn,
        String merchant,
        long version) {

    static TransactionRecorded of(Transaction transaction) {
        return new TransactionRecorded(
                transaction.id(),
                transaction.userId(),
                transaction.type().name(),
                transaction.money().amountText(),
                transaction.currency(),
                transaction.category(),
                transaction.occurredOn(),
                transaction.merchant(),
                transaction.version());
    }
}
