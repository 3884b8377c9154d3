package io.mita.budget.transaction;

import io.mita.budget.web.ValidMoney;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A patch does not null a required member, and the amount/currency it states are valid money. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTransactionPatch.Validator.class)
@interface ValidTransactionPatch {

    String message() default "invalid patch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidTransactionPatch, UpdateTransactionRequest> {

        @Override
        public boolean isValid(UpdateTransactionRequest patch, ConstraintValidatorContext context) {
            if (patch == null) {
                return true;
            }
            boolean valid = true;
            for (String member : patch.nulledRequiredMembers()) {
                valid = ValidMoney.Validator.violation(context, member, "must not be null");
            }
            return ValidMoney.Validator.check("amount", patch.amount(), patch.currency(), context) && valid;
        }
    }
}
