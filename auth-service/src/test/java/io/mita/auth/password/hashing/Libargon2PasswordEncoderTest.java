package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.password.hashing.argon2.Argon2Cost;
import io.mita.auth.password.hashing.argon2.Argon2idPasswordEncoder;
import org.junit.jupiter.api.Test;

/** The library (libargon2 through argon2-jvm) and the own implementation read each other's PHC strings. */
class Libargon2PasswordEncoderTest {

    private static final String PASSWORD = "velvet tundra pickle orbit crayon";

    private final Libargon2PasswordEncoder library = new Libargon2PasswordEncoder(19_456, 2, 1, 16, 32);
    private final Argon2idPasswordEncoder own = new Argon2idPasswordEncoder(new Argon2Cost(19_456, 2, 1, 32), 16, 1);

    @Test
    void writesTheStoredFormatWithTheOwaspParameters() {
        String hash = library.encode(PASSWORD);

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(library.encode(PASSWORD)).as("salted").isNotEqualTo(hash);
        assertThat(library.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void aHashOfTheLibraryVerifiesWithTheOwnImplementationAndBack() {
        String byLibrary = library.encode(PASSWORD);
        String byOwn = own.encode(PASSWORD);

        assertThat(own.matches(PASSWORD, byLibrary)).isTrue();
        assertThat(library.matches(PASSWORD, byOwn)).isTrue();
        assertThat(own.matches("another password", byLibrary)).isFalse();
        assertThat(library.matches("another password", byOwn)).isFalse();
    }

    @Test
    void aHashOfOtherParametersVerifiesAndAsksForAnUpgrade() {
        String cheap = new Argon2idPasswordEncoder(new Argon2Cost(64, 1, 1, 32), 16, 1).encode(PASSWORD);

        assertThat(library.matches(PASSWORD, cheap)).isTrue();
        assertThat(library.upgradeEncoding(cheap)).isTrue();
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
