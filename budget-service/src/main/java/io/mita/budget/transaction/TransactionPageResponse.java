package io.mita.budget.transaction;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
record TransactionPageResponse(List<TransactionResponse> items, String nextCursor) {

    static TransactionPageResponse of(TransactionPage page) {
        return new TransactionPageResponse(
                page.items().stream().map(TransactionResponse::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
