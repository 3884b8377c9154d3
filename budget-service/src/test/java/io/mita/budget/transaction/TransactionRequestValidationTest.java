package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TransactionRequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    @Test
    void aCompleteRequestIsValidAndBecomesADraft() {
        CreateTransactionRequest request = create(Map.of(
                "type",
                "EXPENSE",
                "amount",
                "12.5",
                "currency",
                "EUR",
                "category",
                "  groceries ",
                "occurredOn",
                "2026-01-15",
                "merchant",
                " ",
                "note",
                "weekly shop"));

        assertThat(fieldsInError(request)).isEmpty();
        TransactionDraft draft = request.toDraft();
        assertThat(draft.money().amountText()).isEqualTo("12.50");
        assertThat(draft.category()).isEqualTo("groceries");
        assertThat(draft.merchant()).isNull();
        assertThat(draft.note()).isEqualTo("weekly shop");
    }

    @Test
    void namesTheFieldOfEachMistake() {
        assertThat(fieldsInError(create(
                        Map.of("amount", "12.50", "currency", "EUR", "category", "food", "occurredOn", "2026-01-15"))))
                .containsExactly("type");
        assertThat(fieldsInError(create(Map.of(
                        "type",
                        "TRANSFER",
                        "amount",
                        "12.50",
                        "currency",
                        "EUR",
                        "category",
                        "food",
                        "occurredOn",
                        "2026-01-15"))))
                .containsExactly("type");
        assertThat(fieldsInError(create(valid("amount", "-5.00")))).containsExactly("amount");
        assertThat(fieldsInError(create(valid("amount", "12.345")))).containsExactly("amount");
        assertThat(fieldsInError(create(valid("currency", "EURO")))).containsExactly("currency");
        assertThat(fieldsInError(create(valid("currency", "XXX")))).containsExactly("currency");
        assertThat(fieldsInError(create(valid("category", "   ")))).containsExactly("category");
        assertThat(fieldsInError(create(valid("category", "c".repeat(65))))).containsExactly("category");
        assertThat(fieldsInError(create(valid("merchant", "m".repeat(121))))).containsExactly("merchant");
        assertThat(fieldsInError(create(valid("note", "n".repeat(501))))).containsExactly("note");
        String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        assertThat(fieldsInError(create(valid("occurredOn", dayAfterTomorrow)))).containsExactly("occurredOn");
    }

    @Test
    void reportsBothABadCurrencyAndAnAmountThatIsWrongForAnyCurrency() {
        Map<String, Object> body = valid("currency", "ABC");
        body.put("amount", "0");

        assertThat(fieldsInError(create(body))).containsExactlyInAnyOrder("amount", "currency");
    }

    @Test
    void ignoresMembersThatTheClientMustNotChoose() {
        Map<String, Object> body = valid("id", "00000000-0000-0000-0000-000000000001");
        body.put("userId", "00000000-0000-0000-0000-000000000002");

        CreateTransactionRequest request = create(body);

        assertThat(fieldsInError(request)).isEmpty();
    }

    @Test
    void aPatchKnowsWhichMembersWerePresent() {
        UpdateTransactionRequest patch = patch("{\"merchant\":null,\"note\":\"new\"}");

        assertThat(fieldsInError(patch)).isEmpty();
        TransactionDraft after = patch.applyTo(current());
        assertThat(after.merchant()).isNull();
        assertThat(after.note()).isEqualTo("new");
        assertThat(after.category()).isEqualTo("groceries");
        assertThat(after.money()).isEqualTo(current().money());
    }

    @Test
    void anEmptyPatchChangesNothing() {
        assertThat(patch("{}").applyTo(current())).isEqualTo(current());
    }

    @Test
    void aPatchCannotNullARequiredMember() {
        assertThat(fieldsInError(patch("{\"type\":null,\"amount\":null,\"occurredOn\":null}")))
                .containsExactlyInAnyOrder("type", "amount", "occurredOn");
        assertThat(fieldsInError(patch("{\"category\":\"  \"}"))).containsExactly("category");
    }

    @Test
    void aPatchedAmountIsCheckedAgainstTheCurrencyItWillHave() {
        UpdateTransactionRequest toYen = patch("{\"currency\":\"JPY\"}");
        assertThat(fieldsInError(toYen)).isEmpty();

        assertThatThrownBy(() -> toYen.applyTo(current())).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.detail()).isEqualTo("amount: must have at most 0 decimal places for JPY");
        });
        assertThat(patch("{\"currency\":\"JPY\",\"amount\":\"1250\"}")
                        .applyTo(current())
                        .money()
                        .amountText())
                .isEqualTo("1250");
        assertThat(fieldsInError(patch("{\"amount\":\"1.23456\"}"))).containsExactly("amount");
        assertThat(fieldsInError(patch("{\"amount\":\"12.345\",\"currency\":\"EUR\"}")))
                .containsExactly("amount");
    }

    private static TransactionDraft current() {
        return new TransactionDraft(
                TransactionType.EXPENSE,
                io.mita.budget.money.Money.parse("12.50", "EUR"),
                "groceries",
                LocalDate.of(2026, 1, 15),
                "Lidl",
                "weekly shop");
    }

    private static Map<String, Object> valid(String field, Object value) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "type",
                "EXPENSE",
                "amount",
                "12.50",
                "currency",
                "EUR",
                "category",
                "food",
                "occurredOn",
                "2026-01-15"));
        body.put(field, value);
        return body;
    }

    private CreateTransactionRequest create(Map<String, Object> body) {
        return json.readValue(json.writeValueAsString(body), CreateTransactionRequest.class);
    }

    private UpdateTransactionRequest patch(String body) {
        return json.readValue(body, UpdateTransactionRequest.class);
    }

    private static Set<String> fieldsInError(Object request) {
        return validator.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
