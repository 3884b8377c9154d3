package io.mita.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditEventListenerTest {

    /** Kafka matches a subscription pattern against the whole topic name, as {@link java.util.regex.Matcher#matches()}. */
    @ParameterizedTest
    @CsvSource({
        "mita.budget.v1, true",
        "mita.auth.v1, true",
        "mita.test.v1, true",
        "mita.budget.v1.dlt, false",
        "mita.budget.v2, false",
        "mita.v1, false",
        "other.budget.v1, false",
        "mita.budget.v1-retry, false"
    })
    void theListenerSubscribesToEveryMitaV1TopicButNotTheDeadLetterTwins(String topic, boolean audited) {
        assertThat(Pattern.compile(AuditEventListener.TOPIC_PATTERN)
                        .matcher(topic)
                        .matches())
                .isEqualTo(audited);
    }
}
