package io.mita.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RegisterUserRequestTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aValidRequestHasNoViolations() {
        assertThat(validator.validate(new RegisterUserRequest("ann@example.com", "twelve chars", null)))
                .isEmpty();
    }

    @Test
    void thePasswordPolicyAppliesThroughTheAnnotation() {
        assertThat(invalidFields(new RegisterUserRequest("ann@example.com", "eleven char", null)))
                .containsExactly("password");
        assertThat(invalidFields(new RegisterUserRequest("ann@example.com", "x".repeat(129), null)))
                .containsExactly("password");
        assertThat(invalidFields(new RegisterUserRequest("ann@example.com", null, null)))
                .containsExactly("password");
    }

    @Test
    void aCommonPasswordOfTheRightLengthPassesValidationItHasItsOwnProblemCode() {
        assertThat(validator.validate(new RegisterUserRequest("ann@example.com", "unbelievable", null)))
                .isEmpty();
    }

    @Test
    void refusesAMalformedOrMissingEmail() {
        assertThat(invalidFields(new RegisterUserRequest("not-an-email", "twelve chars", null)))
                .containsExactly("email");
        assertThat(invalidFields(new RegisterUserRequest("  ", "twelve chars", null)))
                .containsExactly("email");
    }

    @Test
    void stripsSurroundingBlanksAndDropsABlankDisplayName() {
        RegisterUserRequest request = new RegisterUserRequest("  Ann@Example.com ", "twelve chars", "   ");

        assertThat(request.email()).isEqualTo("Ann@Example.com");
        assertThat(request.displayName()).isNull();
        assertThat(validator.validate(request)).isEmpty();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new RegisterUserRequest("ann@example.com", "secret password!", "Ann").toString())
                .doesNotContain("secret password!");
    }

    private Set<String> invalidFields(RegisterUserRequest request) {
        return validator.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
