package io.mita.budget.transaction;

import java.time.LocalDate;
import java.util.UUID;

/** A listing request: one user's live transactions, optionally in [from, to] and one category, after a cursor. */
record TransactionQuery(
        UUID userId, LocalDate from, LocalDate to, String category, TransactionCursor after, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    TransactionQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidTransactionException("from", "must not be after 'to'");
        }
    }
}
