package io.mita.auth.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void theShippedListHoldsTenThousandDistinctLowerCasePasswordsOneALine() throws Exception {
        List<String> lines;
        try (InputStream in = CommonPasswords.class.getResourceAsStream(CommonPasswords.RESOURCE)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }

        assertThat(lines).hasSize(10_000).doesNotContain("");
        assertThat(new HashSet<>(lines)).hasSize(10_000);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line)
                        .isEqualTo(line.toLowerCase(Locale.ROOT))
                        .isEqualTo(line.strip()));
        assertThat(CommonPasswords.size()).isEqualTo(10_000);
        // rank order: the most common first
        assertThat(lines.subList(0, 3)).containsExactly("password", "123456", "12345678");
    }

    @Test
    void matchesWhateverTheCase() {
        assertThat(CommonPasswords.contains("unbelievable")).isTrue();
        assertThat(CommonPasswords.contains("UnBelievable")).isTrue();
        assertThat(CommonPasswords.contains("SCANDINAVIAN")).isTrue();
        assertThat(CommonPasswords.contains("correct horse battery staple")).isFalse();
        assertThat(CommonPasswords.contains(null)).isFalse();
    }
}
