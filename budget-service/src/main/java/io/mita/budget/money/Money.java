package io.mita.budget.money;

import io.mita.budget.money.InvalidMoneyException.Part;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one ISO 4217 currency. Pure domain: no framework in here.
 *
 * <p>Amounts travel as plain decimal strings ("12.50"), become {@link BigDecimal} and never touch
 * floating point. An amount is greater than 0, at most {@link #MAX_AMOUNT}, and has at most the
 * currency's default fraction digits (2 for EUR, 0 for JPY, 3 for BHD); zeros beyond them are harmless
 * ("12.500" EUR is 12.50 EUR, "12.345" EUR is refused). Currencies without a minor unit (pseudo
 * currencies such as XXX or XAU, whose default fraction digits are -1) are refused: a budget is kept in
 * money people spend.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** The largest amount one transaction may carry: one trillion. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** The most fraction digits any ISO 4217 currency has (CLF, UYW), and the scale amounts are stored with. */
    public static final int MAX_FRACTION_DIGITS = 4;

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** A plain decimal: optional sign, digits, optional fraction. No exponent, spaces or grouping; bounded length. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,20}(\\.[0-9]{1,20})?");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = fractionDigits(currency);
        checkRange(amount);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidMoneyException(
                    Part.AMOUNT, "must have at most " + digits + " decimal places for " + currency.getCurrencyCode());
        }
        amount = amount.setScale(digits);
    }

    /** Parses a client's amount string in a client's currency code; {@link InvalidMoneyException#part()} says which is wrong. */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(decimal(amount), currency);
    }

    /**
     * Checks an amount whose currency is not known yet against what holds for every currency (format,
     * greater than 0, at most {@link #MAX_AMOUNT}, at most {@link #MAX_FRACTION_DIGITS} decimals).
     */
    public static BigDecimal parseAmount(String text) {
        BigDecimal amount = decimal(text);
        checkRange(amount);
        if (amount.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidMoneyException(
                    Part.AMOUNT, "must have at most " + MAX_FRACTION_DIGITS + " decimal places");
        }
        return amount;
    }

    /** An ISO 4217 currency with a minor unit, by its upper-case code. */
    public static Currency currency(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
            throw new InvalidMoneyException(Part.CURRENCY, "must be an ISO 4217 code of three upper-case letters");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidMoneyException(Part.CURRENCY, "is not an ISO 4217 currency: " + code);
        }
        fractionDigits(currency);
        return currency;
    }

    /** The amount as the API shows it: a plain decimal string with the currency's fraction digits ("12.50"). */
    /**
     * This money with a merge patch applied to it: a new amount text, a new currency, or both ({@code null} keeps
     * the current one). Amount and currency are checked together, because a patch may change only one of them:
     * "12.50" is fine for EUR but not for JPY. An {@link InvalidMoneyException} says which part is wrong.
     */
    public Money patched(String newAmount, String newCurrency) {
        if (newAmount == null && newCurrency == null) {
            return this;
        }
        return parse(newAmount != null ? newAmount : amountText(), newCurrency != null ? newCurrency : currencyCode());
    }

    public String amountText() {
        return amount.toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidMoneyException(Part.AMOUNT, "must not be empty");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidMoneyException(Part.AMOUNT, "must be a decimal string such as \"12.50\"");
        }
        return new BigDecimal(text);
    }

    private static void checkRange(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new InvalidMoneyException(Part.AMOUNT, "must be greater than 0");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidMoneyException(Part.AMOUNT, "must be at most " + MAX_AMOUNT.toPlainString());
        }
    }

    private static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new InvalidMoneyException(
                    Part.CURRENCY,
                    "has no minor unit and cannot be used for a transaction: " + currency.getCurrencyCode());
        }
        return digits;
    }
}
