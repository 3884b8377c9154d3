package io.mita.auth.password.hashing.argon2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2idPasswordEncoderTest {

    private static final Argon2Cost COST = new Argon2Cost(1024, 2, 1, 32);

    private final Argon2idPasswordEncoder encoder = new Argon2idPasswordEncoder(COST, 16, 2);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 1024, 2);

    @Test
    void writesThePhcStringOfItsParameters() {
        String[] parts = encoder.encode("correct horse battery staple").split("\\$");

        assertThat(parts).hasSize(6);
        assertThat(parts[1]).isEqualTo("argon2id");
        assertThat(parts[2]).isEqualTo("v=19");
        assertThat(parts[3]).isEqualTo("m=1024,t=2,p=1");
    }

    @Test
    void verifiesHashesSpringSecurityMadeAndSpringSecurityVerifiesItsHashes() {
        String bySpring = spring.encode("correct horse battery staple");
        String byUs = encoder.encode("correct horse battery staple");

        assertThat(encoder.matches("correct horse battery staple", bySpring)).isTrue();
        assertThat(spring.matches("correct horse battery staple", byUs)).isTrue();
        assertThat(encoder.matches("correct horse battery stapler", bySpring)).isFalse();
    }

    @Test
    void verifiesNonAsciiPasswordsAsUtf8LikeSpringSecurity() {
        String bySpring = spring.encode("pässwörd mit ümläuten ✓");

        assertThat(encoder.matches("pässwörd mit ümläuten ✓", bySpring)).isTrue();
        assertThat(encoder.matches("passwort mit umlauten ✓", bySpring)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(encoder.encode("same password")).isNotEqualTo(encoder.encode("same password"));
    }

    @Test
    void verifiesAHashMadeWithOtherParametersAndAsksForItsUpgrade() {
        String older = new Argon2idPasswordEncoder(new Argon2Cost(512, 3, 2, 24), 16, 1).encode("an older password");

        assertThat(encoder.matches("an older password", older)).isTrue();
        assertThat(encoder.upgradeEncoding(older)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("a current password")))
                .isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
                "$argon2i$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                "$argon2id$v=16$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA",
                "$argon2id$v=19$m=1024,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                "$argon2id$v=19$m=1024,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$a",
                "plain text"
            })
    void answersFalseNotAnErrorForAnythingThatIsNotAnArgon2idHash(String stored) {
        assertThat(encoder.matches("any password", stored)).isFalse();
        assertThat(encoder.upgradeEncoding(stored)).isTrue();
    }

    @Test
    void hashesCorrectlyWhenMoreThreadsThanPooledWorkspacesHashAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> work = IntStream.range(0, 24)
                    .<Callable<Boolean>>mapToObj(i -> () -> {
                        String password = "password number " + i;
                        String hash = encoder.encode(password);
                        return encoder.matches(password, hash)
                                && !encoder.matches(password + "!", hash)
                                && spring.matches(password, hash);
                    })
                    .toList();
            for (Future<Boolean> result : threads.invokeAll(work)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
