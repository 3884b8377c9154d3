package io.mita.budget.web;

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
 * The amount and currency of a {@link MoneyFields} make valid {@link Money}: a known ISO 4217 currency with a
 * minor unit, and an amount greater than 0, at most one trillion, with no more decimals than the currency has.
 * Violations are reported on the amount's member or on {@code currency} (400 {@code VALIDATION_FAILED} with
 * {@code errors[]}); null members are left to {@code @NotNull} or the patch. One rule for transactions and goals.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidMoney.Validator.class)
public @interface ValidMoney {

    String message() default "invalid amount or currency";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidMoney, MoneyFields> {

        @Override
        public boolean isValid(MoneyFields value, ConstraintValidatorContext context) {
            return value == null || check(value.amountField(), value.amount(), value.currency(), context);
        }

        /**
         * Checks whichever of amount and currency is given. Without a (valid) currency the amount is checked
         * against what holds for every currency; the exact decimals are then checked where the currency is known.
         */
        public static boolean check(String field, String amount, String currency, ConstraintValidatorContext context) {
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

        /** Reports a violation on the member, in place of the default message. */
        public static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(message))
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }

        /** Our messages are literal text, never message templates. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
