package io.mita.auth.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreachedPasswordsTest {

    @Test
    void theShippedListHasAtLeastThreeThousandEntriesAllOfThePolicysLengthInLowerCase() throws Exception {
        List<String> lines;
        try (InputStream in = BreachedPasswords.class.getResourceAsStream(BreachedPasswords.RESOURCE)) {
            assertThat(in).as(BreachedPasswords.RESOURCE).isNotNull();
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3_000).doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(line -> {
            assertThat(PasswordPolicy.lengthViolation(line)).as(line).isEmpty();
            assertThat(line).isLowerCase();
        });
        assertThat(BreachedPasswords.size()).isEqualTo(lines.size());
    }

    @Test
    void matchesWhateverTheCase() {
        assertThat(BreachedPasswords.contains("password1234")).isTrue();
        assertThat(BreachedPasswords.contains("PassWord1234")).isTrue();
        assertThat(BreachedPasswords.contains("velvet tundra pickle orbit crayon"))
                .isFalse();
        assertThat(BreachedPasswords.contains(null)).isFalse();
    }
}
