package io.mita.budget.transaction;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a listing starts: after the transaction with this (occurredOn, id) in the order
 * (occurredOn desc, id desc). Clients see it as an opaque base64url token; the version prefix lets the
 * format change without misreading old tokens.
 */
record TransactionCursor(LocalDate occurredOn, UUID id) {

    private static final String VERSION = "t1";
    private static final int MAX_TOKEN_LENGTH = 100;

    static TransactionCursor after(Transaction last) {
        return new TransactionCursor(last.occurredOn(), last.id());
    }

    String encode() {
        String plain = VERSION + "|" + occurredOn + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a token made by {@link #encode()}; anything else is an {@link InvalidCursorException}. */
    static TransactionCursor decode(String token) {
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
            return new TransactionCursor(LocalDate.parse(parts[1]), id);
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            throw new InvalidCursorException();
        }
    }
}
