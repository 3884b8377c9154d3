package io.mita.budget.plan;

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
import java.time.DayOfWeek;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The amounts of a {@link PutPlanRequest} against its currency (not negative, at most one trillion, no more
 * decimals than the currency), a category named once, and weekday weights 0..100 with one above 0. Each
 * violation names its field ({@code categories[2].amount}); 400 {@code VALIDATION_FAILED}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPlan.Validator.class)
@interface ValidPlan {

    String message() default "invalid plan";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPlan, PutPlanRequest> {

        @Override
        public boolean isValid(PutPlanRequest plan, ConstraintValidatorContext context) {
            if (plan == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            Currency currency;
            try {
                currency = plan.currency() == null ? null : Money.currency(plan.currency());
            } catch (InvalidMoneyException e) {
                violation(context, "currency", e.getMessage());
                return false;
            }
            if (currency == null) {
                return true; // @NotNull reports it
            }
            boolean valid = amount(context, "income", plan.income(), currency);
            valid &= amount(context, "savingsTarget", plan.savingsTarget(), currency);
            List<PutPlanRequest.CommitmentLine> commitments = plan.commitmentLines();
            for (int i = 0; i < commitments.size(); i++) {
                if (commitments.get(i) != null) {
                    valid &= amount(
                            context,
                            "commitments[" + i + "].amount",
                            commitments.get(i).amount(),
                            currency);
                }
            }
            if (plan.categories() != null) {
                Set<String> named = new HashSet<>();
                for (int i = 0; i < plan.categories().size(); i++) {
                    PutPlanRequest.CategoryLine line = plan.categories().get(i);
                    if (line == null) {
                        continue;
                    }
                    valid &= amount(context, "categories[" + i + "].amount", line.amount(), currency);
                    if (line.category() != null
                            && !line.category().isBlank()
                            && !named.add(line.category().strip().toLowerCase(Locale.ROOT))) {
                        valid = violation(context, "categories[" + i + "].category", "names a category a second time");
                    }
                    valid &= weights(context, "categories[" + i + "].weekdayWeights", line.weekdayWeights());
                }
            }
            return valid;
        }

        private static boolean amount(
                ConstraintValidatorContext context, String field, String text, Currency currency) {
            if (text == null) {
                return true;
            }
            try {
                PlanAmounts.toMinor(text, currency);
                return true;
            } catch (InvalidMoneyException e) {
                return violation(context, field, e.getMessage());
            }
        }

        private static boolean weights(
                ConstraintValidatorContext context, String field, Map<DayOfWeek, Integer> given) {
            if (given == null || given.isEmpty()) {
                return true;
            }
            for (Map.Entry<DayOfWeek, Integer> weight : given.entrySet()) {
                if (weight.getValue() == null
                        || weight.getValue() < 0
                        || weight.getValue() > PutPlanRequest.MAX_WEIGHT) {
                    return violation(context, field, "each weight must be 0 to " + PutPlanRequest.MAX_WEIGHT);
                }
            }
            if (PutPlanRequest.weights(given).stream().allMatch(weight -> weight == 0)) {
                return violation(context, field, "at least one day must weigh more than 0");
            }
            return true;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(
                            message.replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
