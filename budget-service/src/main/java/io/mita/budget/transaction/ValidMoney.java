package io.mita.budget.transaction;

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
 * The amount and currency of a {@link MoneyFields} make valid money: a known ISO 4217 currency, and an
 * amount greater than 0, at most one trillion, with no more decimals than the currency has. Violations
 * are reported on the field {@code amount} or {@code currency}; null fields are left to {@code @NotNull}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidMoney.Validator.class)
@interface ValidMoney {

    String message() default "invalid amount or currency";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidMoney, MoneyFields> {

        @Override
        public boolean isValid(MoneyFields value, ConstraintValidatorContext context) {
            return value == null || check(value.amount(), value.currency(), context);
        }

        /**
         * Checks whichever of amount and currency is given. Without a (valid) currency the amount is checked
         * against what holds for every currency; the exact decimals are then checked where the currency is known.
         */
        static boolean check(String amount, String currency, ConstraintValidatorContext context) {
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
                            e.part() == InvalidMoneyException.Part.AMOUNT ? "amount" : "currency",
                            e.getMessage());
                }
            }
            return valid;
        }

        static boolean violation(ConstraintValidatorContext context, String field, String message) {
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
