package io.mita.budget.plan;

import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Amounts of a plan: decimal strings on the wire, minor units of the plan's currency inside. Unlike a
 * transaction's amount, a plan's amount may be 0 (nothing allocated, no savings); it is never negative, at
 * most {@link Money#MAX_AMOUNT} and has no more decimals than the currency.
 */
final class PlanAmounts {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,20}(\\.[0-9]{1,20})?");

    private PlanAmounts() {}

    static long toMinor(String text, Currency currency) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new InvalidMoneyException(
                    InvalidMoneyException.Part.AMOUNT, "must be a decimal string such as \"12.50\"");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            throw new InvalidMoneyException(InvalidMoneyException.Part.AMOUNT, "must not be negative");
        }
        if (amount.compareTo(Money.MAX_AMOUNT) > 0) {
            throw new InvalidMoneyException(
                    InvalidMoneyException.Part.AMOUNT, "must be at most " + Money.MAX_AMOUNT.toPlainString());
        }
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidMoneyException(
                    InvalidMoneyException.Part.AMOUNT,
                    "must have at most " + digits + " decimal places for " + currency.getCurrencyCode());
        }
        return amount.movePointRight(digits).setScale(0).longValueExact();
    }

    static String toText(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    /** A stored decimal (a transaction's amount) in minor units of its currency. */
    static long toMinor(BigDecimal amount, Currency currency) {
        return amount.movePointRight(currency.getDefaultFractionDigits())
                .setScale(0, java.math.RoundingMode.UNNECESSARY)
                .longValueExact();
    }
}
