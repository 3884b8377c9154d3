package io.mita.budget.goal;

import io.mita.budget.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** A contribution as the client states it, already valid money; an empty note is none. */
record ContributionDraft(Money money, String note) {

    ContributionDraft {
        Objects.requireNonNull(money, "money");
        if (note != null) {
            note = note.strip();
            if (note.isEmpty()) {
                note = null;
            }
        }
    }

    /**
     * A SHA-256 over the goal and the canonical content (the amount at the currency's scale, so "10" and
     * "10.00" EUR are the same request): what an {@code Idempotency-Key} is bound to. The goal is part of it,
     * so one key sent to two goals is a reused key. Each field is length-prefixed.
     */
    String fingerprint(UUID goalId) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {goalId.toString(), money.amountText(), money.currencyCode(), note}) {
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
}
