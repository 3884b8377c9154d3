package io.mita.ocr.receipt;

import io.mita.ocr.receipt.ReceiptProblems.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of the listing starts: after the receipt with this (createdAt, id) in the order
 * (createdAt desc, id desc). Opaque base64url for clients; the version prefix lets the format change.
 */
record ReceiptCursor(Instant createdAt, UUID id) {

    private static final String VERSION = "r1";
    private static final int MAX_TOKEN_LENGTH = 120;

    static ReceiptCursor after(Receipt last) {
        return new ReceiptCursor(last.createdAt(), last.id());
    }

    String encode() {
        String plain = VERSION + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static ReceiptCursor decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidCursorException();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new InvalidCursorException();
            }
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                throw new InvalidCursorException();
            }
            return new ReceiptCursor(Instant.parse(parts[1]), id);
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            throw new InvalidCursorException();
        }
    }
}
