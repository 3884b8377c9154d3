package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TransactionDraftTest {

    @Test
    void theSameContentWrittenDifferentlyHasTheSameFingerprint() {
        TransactionDraft a = draft("12.5", "groceries", null, "");
        TransactionDraft b = draft("12.50", " groceries ", "  ", null);

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
    }

    @Test
    void anyDifferenceInContentChangesTheFingerprint() {
        String base = draft("12.50", "groceries", "Lidl", "note").fingerprint();

        assertThat(draft("12.51", "groceries", "Lidl", "note").fingerprint()).isNotEqualTo(base);
        assertThat(draft("12.50", "grocery", "Lidl", "note").fingerprint()).isNotEqualTo(base);
        assertThat(draft("12.50", "groceries", null, "note").fingerprint()).isNotEqualTo(base);
        assertThat(draft("12.50", "groceries", "Lidl", null).fingerprint()).isNotEqualTo(base);
        // moving text between adjacent fields must not collide
        assertThat(draft("12.50", "groceries", "Lidlnote", null).fingerprint())
                .isNotEqualTo(draft("12.50", "groceries", "Lidl", "note").fingerprint());
    }

    private static TransactionDraft draft(String amount, String category, String merchant, String note) {
        return new TransactionDraft(
                TransactionType.EXPENSE,
                Money.parse(amount, "EUR"),
                category,
                LocalDate.of(2026, 1, 15),
                merchant,
                note);
    }
}
