package io.mita.budget.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.money.InvalidMoneyException.Part;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
        "12.50, EUR, 12.50",
        "12.5, EUR, 12.50",
        "12, EUR, 12.00",
        "12.500, EUR, 12.50",
        "0.01, EUR, 0.01",
        "1000, JPY, 1000",
        "1000.00, JPY, 1000",
        "1.234, BHD, 1.234",
        "1000000000000, USD, 1000000000000.00",
        "007.10, CHF, 7.10"
    })
    void parsesAPlainDecimalIntoTheCurrencysScale(String amount, String currency, String shown) {
        Money money = Money.parse(amount, currency);

        assertThat(money.amountText()).isEqualTo(shown);
        assertThat(money.currencyCode()).isEqualTo(currency);
        assertThat(money.amount().scale()).isEqualTo(money.currency().getDefaultFractionDigits());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-5.00 | EUR | must be greater than 0",
                "0 | EUR | must be greater than 0",
                "0.00 | EUR | must be greater than 0",
                "12.345 | EUR | must have at most 2 decimal places for EUR",
                "10.5 | JPY | must have at most 0 decimal places for JPY",
                "1.2345 | BHD | must have at most 3 decimal places for BHD",
                "1000000000000.01 | USD | must be at most 1000000000000",
                "1e3 | EUR | must be a decimal string such as \"12.50\"",
                "12,50 | EUR | must be a decimal string such as \"12.50\"",
                "' 12.50' | EUR | must be a decimal string such as \"12.50\"",
                ".50 | EUR | must be a decimal string such as \"12.50\"",
                "12. | EUR | must be a decimal string such as \"12.50\"",
                "NaN | EUR | must be a decimal string such as \"12.50\"",
                "123456789012345678901 | EUR | must be a decimal string such as \"12.50\""
            })
    void refusesAmountsThatAreNotPositiveExactMoneyOfTheCurrency(String amount, String currency, String message) {
        assertThatThrownBy(() -> Money.parse(amount, currency))
                .isInstanceOfSatisfying(InvalidMoneyException.class, e -> {
                    assertThat(e.part()).isEqualTo(Part.AMOUNT);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingAmount(String amount) {
        assertThatThrownBy(() -> Money.parse(amount, "EUR"))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class, e -> assertThat(e.part()).isEqualTo(Part.AMOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "EU", "ABC", "XXX", "XAU", "", " EUR", "€"})
    void refusesWhatIsNotAnIso4217CurrencyWithAMinorUnit(String currency) {
        assertThatThrownBy(() -> Money.parse("12.50", currency))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class, e -> assertThat(e.part()).isEqualTo(Part.CURRENCY));
    }

    @Test
    void refusesANullCurrency() {
        assertThatThrownBy(() -> Money.currency(null))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class, e -> assertThat(e.part()).isEqualTo(Part.CURRENCY));
    }

    @Test
    void checksTheCurrencyBeforeTheAmountSoTheClientLearnsAboutTheCurrency() {
        assertThatThrownBy(() -> Money.parse("-1", "ABC"))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class, e -> assertThat(e.part()).isEqualTo(Part.CURRENCY));
    }

    @Test
    void anAmountWithoutKnownCurrencyMayHaveUpToFourDecimals() {
        assertThat(Money.parseAmount("1.2345")).isEqualByComparingTo("1.2345");
        assertThatThrownBy(() -> Money.parseAmount("1.23456"))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("must have at most 4 decimal places"));
        assertThatThrownBy(() -> Money.parseAmount("-1")).hasMessage("must be greater than 0");
    }

    @Test
    void moneyFromStorageIsNormalisedToTheCurrencyScale() {
        Money stored = new Money(new BigDecimal("12.5000"), java.util.Currency.getInstance("EUR"));

        assertThat(stored.amountText()).isEqualTo("12.50");
        assertThat(stored).isEqualTo(Money.parse("12.5", "EUR"));
    }

    @Test
    void aPatchChangesTheAmountOrTheCurrencyAndChecksThemTogether() {
        Money current = Money.parse("12.50", "EUR");

        assertThat(current.patched(null, null)).isSameAs(current);
        assertThat(current.patched("7", null).amountText()).isEqualTo("7.00");
        assertThat(current.patched(null, "USD").currencyCode()).isEqualTo("USD");
        assertThatThrownBy(() -> current.patched(null, "JPY"))
                .isInstanceOfSatisfying(
                        InvalidMoneyException.class, e -> assertThat(e.part()).isEqualTo(Part.AMOUNT));
    }
}
