package io.mita.budget.transaction;

import io.mita.budget.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The content of a transaction as a client states it, already valid: what a create request becomes and
 * what a patch produces. Text is trimmed; an empty merchant or note is no merchant or note.
 */
record TransactionDraft(
        TransactionType type, Money money, String category, LocalDate occurredOn, String merchant, String note) {

    TransactionDraft {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(money, "money");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(occurredOn, "occurredOn");
        category = category.strip();
        merchant = blankToNull(merchant);
        note = blankToNull(note);
    }

    /** The same content naming the category by its key. */
    TransactionDraft withCategory(String key) {
        return new TransactionDraft(type, money, key, occurredOn, merchant, note);
    }

    /**
     * A SHA-256 over the canonical content (amounts at the currency's scale, so "12.5" and "12.50" are the
     * same request): what an {@code Idempotency-Key} is bound to. Each field is length-prefixed, so no
     * two different drafts share the input.
     */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {
            type.name(), money.amountText(), money.currencyCode(), category, occurredOn.toString(), merchant, note
        }) {
            canonical
                    .append(field == null ? "-1" : String.valueOf(field.length()))
                    .append(':')
                    .append(field == null ? "" : field)
                    .append(';');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
