package io.mita.budget.goal;

import io.mita.budget.web.ValidMoney;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A goal patch does not null a required member, sets no read-only member, and the target amount and
 * currency it states are valid money.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidGoalPatch.Validator.class)
@interface ValidGoalPatch {

    String message() default "invalid patch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidGoalPatch, UpdateGoalRequest> {

        @Override
        public boolean isValid(UpdateGoalRequest patch, ConstraintValidatorContext context) {
            if (patch == null) {
                return true;
            }
            boolean valid = true;
            for (String member : patch.nulledRequiredMembers()) {
                valid = ValidMoney.Validator.violation(context, member, "must not be null");
            }
            for (String member : patch.readOnlyMembers()) {
                valid = ValidMoney.Validator.violation(
                        context, member, "is read-only: use pause, resume, complete or contributions");
            }
            return ValidMoney.Validator.check(patch.amountField(), patch.amount(), patch.currency(), context) && valid;
        }
    }
}
