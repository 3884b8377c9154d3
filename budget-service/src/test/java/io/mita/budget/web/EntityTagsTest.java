package io.mita.budget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" "})
    void readsTheVersionOutOfAnEntityTag(String ifMatch) {
        assertThat(EntityTags.expectedVersion(ifMatch)).isEqualTo(3L);
    }

    @Test
    void noHeaderOrAStarMeansAnyVersion() {
        assertThat(EntityTags.expectedVersion(null)).isNull();
        assertThat(EntityTags.expectedVersion("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"3\", \"4\"", "", "-1", "\"99999999999999999999\""})
    void refusesWhatIsNotOneOfOurEntityTags(String ifMatch) {
        assertThatThrownBy(() -> EntityTags.expectedVersion(ifMatch))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                });
    }

    @Test
    void aVersionIsAStrongQuotedTag() {
        assertThat(EntityTags.of(0)).isEqualTo("\"0\"");
        assertThat(EntityTags.of(42)).isEqualTo("\"42\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "order-2026-06-01/1", "a b", "~"})
    void anIdempotencyKeyOfPrintableAsciiPasses(String key) {
        IdempotencyKeyHeader.check(key);
        IdempotencyKeyHeader.check(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " k", "k ", "caf\u00e9", "tab\tkey"})
    void anyOtherIdempotencyKeyIs400(String key) {
        assertThatThrownBy(() -> IdempotencyKeyHeader.check(key)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
        });
        assertThatThrownBy(() -> IdempotencyKeyHeader.check("k".repeat(129))).isInstanceOf(ProblemException.class);
    }
}
