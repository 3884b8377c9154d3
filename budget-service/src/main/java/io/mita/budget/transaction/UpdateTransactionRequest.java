package io.mita.budget.transaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.money.Money;
import io.mita.budget.web.MoneyFields;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Body of {@code PATCH /api/budget/transactions/{id}}: a JSON merge patch (RFC 7396), read in one step from
 * the JSON object. A member that is absent stays as it is, a member that is present replaces the value, and
 * {@code null} clears {@code merchant} or {@code note} (the other members cannot be cleared: null there is
 * a validation error, 400 {@code VALIDATION_FAILED}). A value of the wrong JSON type (an object for the
 * category, a non-date for {@code occurredOn}) is 400 {@code MALFORMED_REQUEST}, as for any body.
 * Unknown members are ignored. The read values then go through the same Jakarta validation as before.
 */
@ValidTransactionPatch
final class UpdateTransactionRequest implements MoneyFields {

    static final List<String> MEMBERS =
            List.of("type", "amount", "currency", "category", "occurredOn", "merchant", "note");
    static final Set<String> REQUIRED = Set.of("type", "amount", "currency", "category", "occurredOn");

    /** Converts one member's value with Jackson's own rules, as binding a field would. */
    private static final JsonMapper VALUES = JsonMapper.builder().build();

    private final Set<String> present;

    @Pattern(regexp = "EXPENSE|INCOME", message = "must be EXPENSE or INCOME")
    private final String type;

    private final String amount;
    private final String currency;

    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 64)
    private final String category;

    @PlausibleOccurredOn
    private final LocalDate occurredOn;

    @Size(max = 120)
    private final String merchant;

    @Size(max = 500)
    private final String note;

    private UpdateTransactionRequest(ObjectNode document) {
        Set<String> members = new LinkedHashSet<>();
        for (String member : MEMBERS) {
            if (document.has(member)) {
                members.add(member);
            }
        }
        this.present = Set.copyOf(members);
        this.type = value(document, "type", String.class);
        this.amount = value(document, "amount", String.class);
        this.currency = value(document, "currency", String.class);
        this.category = value(document, "category", String.class);
        this.occurredOn = value(document, "occurredOn", LocalDate.class);
        this.merchant = value(document, "merchant", String.class);
        this.note = value(document, "note", String.class);
    }

    /** The one read of a merge-patch document (Jackson calls it with the request body's JSON object). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static UpdateTransactionRequest of(ObjectNode document) {
        return new UpdateTransactionRequest(document);
    }

    private static <T> T value(ObjectNode document, String member, Class<T> type) {
        JsonNode node = document.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (type == String.class && node.isFloatingPointNumber()) {
            // the tree holds a JSON number such as 12.50 as a double: its plain decimal form, not "1.0E7"
            return type.cast(node.decimalValue().toPlainString());
        }
        return VALUES.treeToValue(node, type);
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
        Set<String> nulled = new LinkedHashSet<>();
        for (String member : MEMBERS) {
            if (REQUIRED.contains(member) && has(member) && valueOf(member) == null) {
                nulled.add(member);
            }
        }
        return nulled;
    }

    private Object valueOf(String member) {
        return switch (member) {
            case "type" -> type;
            case "amount" -> amount;
            case "currency" -> currency;
            case "category" -> category;
            case "occurredOn" -> occurredOn;
            case "merchant" -> merchant;
            case "note" -> note;
            default -> throw new IllegalArgumentException(member);
        };
    }

    /**
     * The content after this patch. Amount and currency are checked together here, because a patch may
     * change only one of them: "12.50" is fine for EUR but not for JPY.
     */
    TransactionDraft applyTo(TransactionDraft current) {
        Money money;
        try {
            // amount and currency are required members: a patch that nulls one was refused before this
            money = current.money().patched(has("amount") ? amount : null, has("currency") ? currency : null);
        } catch (InvalidMoneyException e) {
            throw new InvalidTransactionException(
                    e.part() == InvalidMoneyException.Part.AMOUNT ? "amount" : "currency", e.getMessage());
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
