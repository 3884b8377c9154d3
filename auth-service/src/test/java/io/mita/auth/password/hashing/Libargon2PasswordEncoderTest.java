package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The library (libargon2 through argon2-jvm) writes the stored PHC format and reads every hash stored before it,
 * including those of the service's former own Java implementation (deleted; its output kept below as written by
 * it on 2026-11-30).
 */
class Libargon2PasswordEncoderTest {

    private static final String PASSWORD = "velvet tundra pickle orbit crayon";

    /** {@code PASSWORD} hashed by the former own implementation at the stored cost (19 MiB, t=2, p=1). */
    private static final String BY_FORMER_OWN_IMPLEMENTATION =
            "$argon2id$v=19$m=19456,t=2,p=1$BcZyblv7kW6TxnnNbtzevw$SnJInZ6zCm4G6CPTdIu66s0B3mYoh2eGVnVG415n8cM";

    /** {@code PASSWORD} hashed by the former own implementation at 64 KiB, one pass (the tests' cheap cost). */
    private static final String CHEAP_BY_FORMER_OWN_IMPLEMENTATION =
            "$argon2id$v=19$m=64,t=1,p=1$/6q43D5MkSsXfuv1W43zdw$OPFix4S8IulMC368vL4jnAsrEYjOdECpLNQPd73ROSg";

    private final Libargon2PasswordEncoder library = new Libargon2PasswordEncoder(19_456, 2, 1, 16, 32);

    @Test
    void writesTheStoredFormatWithTheOwaspParameters() {
        String hash = library.encode(PASSWORD);

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(library.encode(PASSWORD)).as("salted").isNotEqualTo(hash);
        assertThat(library.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void aHashStoredByTheFormerOwnImplementationStillVerifies() {
        assertThat(library.matches(PASSWORD, BY_FORMER_OWN_IMPLEMENTATION)).isTrue();
        assertThat(library.matches("another password", BY_FORMER_OWN_IMPLEMENTATION))
                .isFalse();
        assertThat(library.upgradeEncoding(BY_FORMER_OWN_IMPLEMENTATION)).isFalse();
    }

    @Test
    void aHashOfOtherParametersVerifiesAndAsksForAnUpgrade() {
        assertThat(library.matches(PASSWORD, CHEAP_BY_FORMER_OWN_IMPLEMENTATION))
                .isTrue();
        assertThat(library.upgradeEncoding(CHEAP_BY_FORMER_OWN_IMPLEMENTATION)).isTrue();
    }

    @Test
    void aTamperedHashNeverMatches() {
        String tampered = BY_FORMER_OWN_IMPLEMENTATION.substring(0, BY_FORMER_OWN_IMPLEMENTATION.length() - 2) + "cN";

        assertThat(library.matches(PASSWORD, tampered)).isFalse();
    }

    @Test
    void anythingThatIsNoArgon2idStringNeverMatches() {
        assertThat(library.matches(PASSWORD, null)).isFalse();
        assertThat(library.matches(PASSWORD, "$2a$12$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(library.matches(PASSWORD, "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"))
                .isFalse();
        assertThat(library.upgradeEncoding("plain")).isTrue();
    }
}
