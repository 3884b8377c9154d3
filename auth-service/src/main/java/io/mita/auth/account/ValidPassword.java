package io.mita.auth.account;

import io.mita.auth.account.domain.PasswordPolicy;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password of the {@link PasswordPolicy}'s length. Whether it is too weak is checked before it is hashed
 * ({@link NewPasswordCheck}), answering {@code AUTH_PASSWORD_TOO_WEAK}.
 */
@Documented
@Constraint(validatedBy = PasswordPolicyValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPassword {

    String message() default
            "must be between " + PasswordPolicy.MIN_LENGTH + " and " + PasswordPolicy.MAX_LENGTH + " characters long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
