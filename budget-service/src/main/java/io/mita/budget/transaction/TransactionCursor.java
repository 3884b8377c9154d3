package io.mita.budget.transaction;

import io.mita.common.paging.KeysetCursor;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where the next page of a listing starts: after the transaction with this (occurredOn, id) in the order
 * (occurredOn desc, id desc). The token is common-lib's {@link KeysetCursor} of version {@code t1}; a token this
 * listing did not make is 400 {@code BUDGET_INVALID_CURSOR}.
 */
record TransactionCursor(LocalDate occurredOn, UUID id) {

    private static final KeysetCursor.Codec<LocalDate> CODEC = KeysetCursor.daysCodec("t1", "BUDGET_INVALID_CURSOR");

    static TransactionCursor after(Transaction last) {
        return new TransactionCursor(last.occurredOn(), last.id());
    }

    String encode() {
        return CODEC.encode(new KeysetCursor<>(occurredOn, id));
    }

    /** Reads a token made by {@link #encode()}; anything else is common-lib's {@code InvalidCursorException}. */
    static TransactionCursor decode(String token) {
        KeysetCursor<LocalDate> cursor = CODEC.decode(token);
        return new TransactionCursor(cursor.position(), cursor.id());
    }
}
