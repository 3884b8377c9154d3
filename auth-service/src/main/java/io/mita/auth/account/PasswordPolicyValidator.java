package io.mita.auth.account;

import io.mita.auth.account.domain.PasswordPolicy;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Public with a public constructor: Hibernate Validator instantiates it reflectively outside Spring too. */
public class PasswordPolicyValidator implements ConstraintValidator<ValidPassword, String> {

    public PasswordPolicyValidator() {
        // for the validator factory
    }

    /** The length rule only: a weak password of the right length answers its own code, {@code AUTH_PASSWORD_TOO_WEAK}. */
    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        return PasswordPolicy.lengthViolation(password).isEmpty();
    }
}
