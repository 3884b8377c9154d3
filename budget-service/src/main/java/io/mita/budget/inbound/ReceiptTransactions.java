package io.mita.budget.inbound;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What the receipt listener needs from the transactions feature (which implements it): the receipt's expense
 * recorded through the transaction use case, at most once per receipt id whatever the redelivery.
 */
public interface ReceiptTransactions {

    /**
     * Records the receipt's expense; answers true when it made the transaction, false when the receipt had made
     * one already. Fails with an {@link IllegalArgumentException} when the receipt can never make a transaction.
     */
    Mono<Boolean> recordOnce(UUID eventId, ReceiptConfirmed receipt);
}
