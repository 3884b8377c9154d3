package io.mita.budget.habit;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PATCH /api/budget/habits/{id}} as a JSON merge patch (RFC 7396) over the habit written as a
 * {@link CreateHabitRequest}: a member that is absent stays, a present one replaces, {@code null} clears
 * (so {@code {"category":null,"maxCount":null}} turns a checked habit into one kept by hand). The result must
 * be a valid create request: the same bean validation (400 {@code VALIDATION_FAILED}) and the same rules
 * (422 {@code BUDGET_HABIT_INVALID_LIMIT}). Unknown members are ignored.
 */
final class HabitPatch {

    static final List<String> MEMBERS =
            List.of("name", "category", "maxCount", "maxAmount", "currency", "period", "weekdaysOnly", "startsOn");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private HabitPatch() {}

    static CreateHabitRequest apply(Habit current, ObjectNode patch) {
        ObjectNode merged = JSON.valueToTree(CreateHabitRequest.of(current));
        for (String member : MEMBERS) {
            if (patch.has(member)) {
                if (patch.get(member).isNull()) {
                    merged.remove(member);
                } else {
                    merged.set(member, patch.get(member));
                }
            }
        }
        CreateHabitRequest request;
        try {
            request = JSON.treeToValue(merged, CreateHabitRequest.class);
        } catch (JacksonException wrongType) {
            throw new InvalidHabitException(
                    "patch", "a member has the wrong JSON type: " + wrongType.getOriginalMessage());
        }
        List<ConstraintViolation<CreateHabitRequest>> violations = VALIDATOR.validate(request).stream()
                .sorted(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .toList();
        if (!violations.isEmpty()) {
            ConstraintViolation<CreateHabitRequest> first = violations.get(0);
            throw new InvalidHabitException(first.getPropertyPath().toString(), first.getMessage());
        }
        return request;
    }
}
