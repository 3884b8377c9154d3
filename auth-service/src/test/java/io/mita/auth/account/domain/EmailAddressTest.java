package io.mita.auth.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void trimsAndLowerCasesWhateverTheDefaultLocale() {
        assertThat(EmailAddress.normalise("  Ann.Example@Example.COM \t")).isEqualTo("ann.example@example.com");
        // the Turkish dotless i must not sneak in through the default locale
        assertThat(EmailAddress.normalise("TIM@MITA.IO")).isEqualTo("tim@mita.io");
    }
}
