package io.mita.budget.transaction;

import java.util.List;

/** Transactions of one page and where the next page starts (null when there is none). */
record TransactionPage(List<Transaction> items, TransactionCursor next) {

    /** Makes a page out of up to {@code limit + 1} rows: the extra row only says that more exist. */
    static TransactionPage of(List<Transaction> rows, int limit) {
        if (rows.size() <= limit) {
            return new TransactionPage(List.copyOf(rows), null);
        }
        List<Transaction> items = List.copyOf(rows.subList(0, limit));
        return new TransactionPage(items, TransactionCursor.after(items.get(limit - 1)));
    }
}
