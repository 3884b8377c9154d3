package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionControllerIfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" "})
    void readsTheVersionOutOfAnEntityTag(String ifMatch) {
        assertThat(TransactionController.expectedVersion(ifMatch)).isEqualTo(3L);
    }

    @Test
    void noHeaderOrAStarMeansAnyVersion() {
        assertThat(TransactionController.expectedVersion(null)).isNull();
        assertThat(TransactionController.expectedVersion("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"3\", \"4\"", "", "-1", "\"99999999999999999999\""})
    void refusesWhatIsNotOneOfOurEntityTags(String ifMatch) {
        assertThatThrownBy(() -> TransactionController.expectedVersion(ifMatch))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                });
    }
}
