package io.mita.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordEncoderParametersTest {

    private final PasswordEncoder encoder = new AuthConfiguration().passwordEncoder();

    @Test
    void storedHashIsArgon2idWithTheOwaspParameters() {
        String hash = encoder.encode("correct horse battery staple");

        // $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
        String[] parts = hash.split("\\$");
        assertThat(parts[1]).isEqualTo("argon2id");
        assertThat(parts[2]).isEqualTo("v=19");
        assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1");
        assertThat(Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
        assertThat(Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
    }

    @Test
    void saltsEveryHashAndVerifiesOnlyTheRightPassword() {
        String first = encoder.encode("correct horse battery staple");
        String second = encoder.encode("correct horse battery staple");

        assertThat(first).isNotEqualTo(second);
        assertThat(encoder.matches("correct horse battery staple", first)).isTrue();
        assertThat(encoder.matches("correct horse battery stapler", first)).isFalse();
    }

    private static String pad(String unpadded) {
        return unpadded + "=".repeat((4 - unpadded.length() % 4) % 4);
    }
}
