package io.mita.budget.transaction;

import io.mita.budget.erasure.AwaitedErasures;
import io.mita.budget.inbound.ReceiptConfirmed;
import io.mita.budget.inbound.ReceiptTransactions;
import io.mita.budget.money.Money;
import io.mita.common.inbox.ProcessedEvents;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A confirmed receipt's expense, recorded by {@link TransactionService#createOnce} (so its outbox event, and
 * whatever else follows a create, happens as for an API create) under the receipt's claim in
 * {@link ReceiptInbox}, in the same database transaction. What the API would refuse is refused here too, as
 * an {@link IllegalArgumentException} (the event goes to the dead-letter topic): an amount or currency that
 * is no {@link Money}, a date outside {@link OccurredOnRule}, a category longer than 64 characters. A merchant
 * or note longer than the column is cut (OCR text can run long; the receipt keeps the whole).
 *
 * <p>A receipt of a user whose account was erased creates nothing: the claim's transaction first waits for a
 * running erasure of the user and reads the tombstone ({@link AwaitedErasures}, the one way budget-service waits for
 * an erasure; the lock it takes is held until this transaction commits, so an erasure that starts meanwhile waits
 * and deletes the expense); an erased user's event is then only marked processed (consumer
 * {@value #ERASED_CONSUMER}, no user id in that row) and answers false like a duplicate.
 */
@Component
class ReceiptTransactionRecorder implements ReceiptTransactions {

    /** The category of a receipt confirmed without one, or with one the user does not have (active). */
    static final String DEFAULT_CATEGORY = "other";

    static final int MAX_CATEGORY = 64;
    static final int MAX_MERCHANT = 120;
    static final int MAX_NOTE = 500;

    /** The processed-event inbox's consumer of receipts refused because their user was erased. */
    static final String ERASED_CONSUMER = "budget-receipts-of-erased-users";

    private final TransactionService transactions;
    private final ReceiptInbox inbox;
    private final AwaitedErasures erasures;
    private final ProcessedEvents processedEvents;
    private final Clock clock;

    ReceiptTransactionRecorder(
            TransactionService transactions,
            ReceiptInbox inbox,
            AwaitedErasures erasures,
            ProcessedEvents processedEvents,
            Clock clock) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.erasures = erasures;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> recordOnce(UUID eventId, ReceiptConfirmed receipt) {
        return Mono.fromCallable(() -> draft(receipt))
                .flatMap(draft -> transactions.createOnce(
                        receipt.userId(),
                        draft,
                        DEFAULT_CATEGORY,
                        (id, now) -> erasures.erasedOnceAwaited(receipt.userId())
                                .flatMap(erased -> erased
                                        ? processedEvents
                                                .markProcessed(eventId, ERASED_CONSUMER)
                                                .thenReturn(false)
                                        : inbox.claim(receipt.receiptId(), receipt.userId(), id, eventId, now))))
                .map(created -> true)
                .defaultIfEmpty(false);
    }

    TransactionDraft draft(ReceiptConfirmed receipt) {
        if (!OccurredOnRule.accepts(receipt.occurredOn(), clock)) {
            throw new IllegalArgumentException(
                    "receipt " + receipt.receiptId() + ": occurredOn " + OccurredOnRule.MESSAGE);
        }
        String category = receipt.category() == null || receipt.category().isBlank()
                ? DEFAULT_CATEGORY
                : receipt.category().strip();
        if (category.length() > MAX_CATEGORY) {
            throw new IllegalArgumentException(
                    "receipt " + receipt.receiptId() + ": category longer than " + MAX_CATEGORY + " characters");
        }
        return new TransactionDraft(
                TransactionType.EXPENSE,
                Money.parse(receipt.total(), receipt.currency()),
                category,
                receipt.occurredOn(),
                cut(receipt.merchant(), MAX_MERCHANT),
                cut(receipt.note(), MAX_NOTE));
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max).strip();
    }
}
