package io.mita.budget.goal;

import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.money.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/**
 * The amount and currency of a {@link GoalMoneyFields} make valid {@link Money}: a known ISO 4217 currency
 * with a minor unit, and an amount greater than 0, at most one trillion, with no more decimals than the
 * currency has. Violations are reported on the amount's member or on {@code currency} (400
 * {@code VALIDATION_FAILED} with {@code errors[]}); null members are left to {@code @NotNull} or the patch.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidGoalMoney.Validator.class)
@interface ValidGoalMoney {

    String message() default "invalid amount or currency";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidGoalMoney, GoalMoneyFields> {

        @Override
        public boolean isValid(GoalMoneyFields value, ConstraintValidatorContext context) {
            return value == null || check(value.amountField(), value.amount(), value.currency(), context);
        }

        /** Without a (valid) currency the amount is checked against what holds for every currency. */
        static boolean check(String field, String amount, String currency, ConstraintValidatorContext context) {
            boolean valid = true;
            Currency known = null;
            if (currency != null) {
                try {
                    known = Money.currency(currency);
                } catch (InvalidMoneyException e) {
                    valid = violation(context, "currency", e.getMessage());
                }
            }
            if (amount != null) {
                try {
                    if (known != null) {
                        Money.parse(amount, known.getCurrencyCode());
                    } else {
                        Money.parseAmount(amount);
                    }
                } catch (InvalidMoneyException e) {
                    valid = violation(
                            context,
                            e.part() == InvalidMoneyException.Part.AMOUNT ? field : "currency",
                            e.getMessage());
                }
            }
            return valid;
        }

        static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message.replace("\\", "\\\\")
                            .replace("{", "\\{")
                            .replace("}", "\\}")
                            .replace("$", "\\$"))
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
