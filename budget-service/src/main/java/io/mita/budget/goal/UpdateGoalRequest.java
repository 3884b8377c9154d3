package io.mita.budget.goal;

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
 * Body of {@code PATCH /api/budget/goals/{id}}: a JSON merge patch (RFC 7396) read in one step from the JSON
 * object, like a transaction's. An absent member stays, a present one replaces the value, {@code null} clears
 * {@code category} or {@code icon} (null for the other members is 400 {@code VALIDATION_FAILED}). A value of
 * the wrong JSON type is 400 {@code MALFORMED_REQUEST}. The status and the saved amount are not patched:
 * {@code status} or {@code savedAmount} in a patch is 400 {@code VALIDATION_FAILED} naming them (the status
 * changes through pause/resume/complete, the saved amount through contributions); other unknown members are
 * ignored.
 */
@ValidGoalPatch
final class UpdateGoalRequest implements MoneyFields {

    static final List<String> MEMBERS = List.of("name", "targetAmount", "currency", "targetDate", "category", "icon");
    static final Set<String> REQUIRED = Set.of("name", "targetAmount", "currency", "targetDate");
    static final List<String> READ_ONLY = List.of("status", "savedAmount");

    private static final JsonMapper VALUES = JsonMapper.builder().build();

    private final Set<String> present;
    private final Set<String> readOnlyPresent;

    @Pattern(regexp = GoalText.NOT_BLANK, message = "must not be blank")
    @Size(max = 100)
    private final String name;

    private final String targetAmount;
    private final String currency;
    private final LocalDate targetDate;

    @Size(max = 64)
    private final String category;

    @Size(max = 32)
    private final String icon;

    private UpdateGoalRequest(ObjectNode document) {
        Set<String> members = new LinkedHashSet<>();
        for (String member : MEMBERS) {
            if (document.has(member)) {
                members.add(member);
            }
        }
        Set<String> readOnly = new LinkedHashSet<>();
        for (String member : READ_ONLY) {
            if (document.has(member)) {
                readOnly.add(member);
            }
        }
        this.present = Set.copyOf(members);
        this.readOnlyPresent = Set.copyOf(readOnly);
        this.name = value(document, "name", String.class);
        this.targetAmount = value(document, "targetAmount", String.class);
        this.currency = value(document, "currency", String.class);
        this.targetDate = value(document, "targetDate", LocalDate.class);
        this.category = value(document, "category", String.class);
        this.icon = value(document, "icon", String.class);
    }

    /** The one read of a merge-patch document (Jackson calls it with the request body's JSON object). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static UpdateGoalRequest of(ObjectNode document) {
        return new UpdateGoalRequest(document);
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
        return targetAmount;
    }

    @Override
    public String currency() {
        return currency;
    }

    @Override
    public String amountField() {
        return "targetAmount";
    }

    boolean has(String member) {
        return present.contains(member);
    }

    LocalDate targetDate() {
        return targetDate;
    }

    /** Read-only members the patch tries to set. */
    Set<String> readOnlyMembers() {
        return readOnlyPresent;
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
            case "name" -> name;
            case "targetAmount" -> targetAmount;
            case "currency" -> currency;
            case "targetDate" -> targetDate;
            case "category" -> category;
            case "icon" -> icon;
            default -> throw new IllegalArgumentException(member);
        };
    }

    /**
     * The content after this patch. Amount and currency are checked together here, because a patch may
     * change only one of them: "12.50" is fine for EUR but not for JPY.
     */
    GoalDraft applyTo(GoalDraft current) {
        Money target;
        try {
            // amount and currency are required members: a patch that nulls one was refused before this
            target = current.target()
                    .patched(has("targetAmount") ? targetAmount : null, has("currency") ? currency : null);
        } catch (InvalidMoneyException e) {
            throw new InvalidGoalException(
                    e.part() == InvalidMoneyException.Part.AMOUNT ? "targetAmount" : "currency", e.getMessage());
        }
        return new GoalDraft(
                has("name") ? name : current.name(),
                target,
                has("targetDate") ? targetDate : current.targetDate(),
                has("category") ? category : current.category(),
                has("icon") ? icon : current.icon());
    }
}
