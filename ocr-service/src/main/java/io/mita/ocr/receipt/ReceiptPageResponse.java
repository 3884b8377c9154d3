package io.mita.ocr.receipt;

import java.util.List;

/** One page of the listing; {@code nextCursor} is null on the last page. */
record ReceiptPageResponse(List<ReceiptResponse> items, String nextCursor) {

    static ReceiptPageResponse of(ReceiptService.Page page) {
        return new ReceiptPageResponse(
                page.items().stream().map(ReceiptResponse::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
