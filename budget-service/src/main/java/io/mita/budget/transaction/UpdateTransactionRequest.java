package io.mita.budget.transaction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.money.Money;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Body of {@code PATCH /api/budget/transactions/{id}} with JSON merge-patch meaning (RFC 7396): a member
 * that is absent stays as it is, a member that is present replaces the value, and {@code null} clears
 * {@code merchant} or {@code note} (the other members cannot be cleared: null there is a validation
 * error). Hence a class that remembers which members were present, rather than a record. Unknown
 * members are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidTransactionPatch
final class UpdateTransactionRequest implements MoneyFields {

    static final Set<String> REQUIRED = Set.of("type", "amount", "currency", "category", "occurredOn");

    private final Set<String> present = new HashSet<>();

    @Pattern(regexp = "EXPENSE|INCOME", message = "must be EXPENSE or INCOME")
    private String type;

    private String amount;
    private String currency;

    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 64)
    private String category;

    @PlausibleOccurredOn
    private LocalDate occurredOn;

    @Size(max = 120)
    private String merchant;

    @Size(max = 500)
    private String note;

    UpdateTransactionRequest() {}

    @JsonSetter("type")
    void type(String value) {
        present.add("type");
        type = value;
    }

    @JsonSetter("amount")
    void amount(String value) {
        present.add("amount");
        amount = value;
    }

    @JsonSetter("currency")
    void currency(String value) {
        present.add("currency");
        currency = value;
    }

    @JsonSetter("category")
    void category(String value) {
        present.add("category");
        category = value;
    }

    @JsonSetter("occurredOn")
    void occurredOn(LocalDate value) {
        present.add("occurredOn");
        occurredOn = value;
    }

    @JsonSetter("merchant")
    void merchant(String value) {
        present.add("merchant");
        merchant = value;
    }

    @JsonSetter("note")
    void note(String value) {
        present.add("note");
        note = value;
    }

    @Override
    public String amount() {
        return amount;
    }

    @Override
    public String currency() {
        return currency;
    }

    boolean has(String member) {
        return present.contains(member);
    }

    /** Required members that the patch sets to null (which is not allowed). */
    Set<String> nulledRequiredMembers() {
        Set<String> nulled = new HashSet<>();
        if (has("type") && type == null) {
            nulled.add("type");
        }
        if (has("amount") && amount == null) {
            nulled.add("amount");
        }
        if (has("currency") && currency == null) {
            nulled.add("currency");
        }
        if (has("category") && category == null) {
            nulled.add("category");
        }
        if (has("occurredOn") && occurredOn == null) {
            nulled.add("occurredOn");
        }
        return nulled;
    }

    /**
     * The content after this patch. Amount and currency are checked together here, because a patch may
     * change only one of them: "12.50" is fine for EUR but not for JPY.
     */
    TransactionDraft applyTo(TransactionDraft current) {
        Money money = current.money();
        if (has("amount") || has("currency")) {
            String newCurrency = has("currency") ? currency : money.currencyCode();
            String newAmount = has("amount") ? amount : money.amountText();
            try {
                money = Money.parse(newAmount, newCurrency);
            } catch (InvalidMoneyException e) {
                throw new InvalidTransactionException(
                        e.part() == InvalidMoneyException.Part.AMOUNT ? "amount" : "currency", e.getMessage());
            }
        }
        return new TransactionDraft(
                has("type") ? TransactionType.valueOf(type) : current.type(),
                money,
                has("category") ? category : current.category(),
                has("occurredOn") ? occurredOn : current.occurredOn(),
                has("merchant") ? merchant : current.merchant(),
                has("note") ? note : current.note());
    }
}
