package io.mita.ocr.receipt;

import io.mita.common.paging.KeysetCursor;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the next page of the listing starts: after the receipt with this (createdAt, id) in the order
 * (createdAt desc, id desc). The token is common-lib's {@link KeysetCursor} of version {@code r1}; a token this
 * listing did not make is 400 {@code OCR_INVALID_CURSOR}.
 */
record ReceiptCursor(Instant createdAt, UUID id) {

    private static final KeysetCursor.Codec<Instant> CODEC = KeysetCursor.instantsCodec("r1", "OCR_INVALID_CURSOR");

    static ReceiptCursor after(Receipt last) {
        return new ReceiptCursor(last.createdAt(), last.id());
    }

    String encode() {
        return CODEC.encode(new KeysetCursor<>(createdAt, id));
    }

    static ReceiptCursor decode(String token) {
        KeysetCursor<Instant> cursor = CODEC.decode(token);
        return new ReceiptCursor(cursor.position(), cursor.id());
    }
}
