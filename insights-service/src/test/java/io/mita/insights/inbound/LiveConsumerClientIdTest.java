package io.mita.insights.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveConsumerClientIdTest {

    @Test
    void twoInstancesOnTheSameHostHaveDifferentPrefixes() {
        LiveConsumerClientId one = new LiveConsumerClientId();
        LiveConsumerClientId two = new LiveConsumerClientId();

        assertThat(one.prefix()).startsWith("insights-budget-").isNotEqualTo(two.prefix());
        assertThat(one.isOwn(two.prefix() + "-0")).isFalse();
        assertThat(one.prefix()).matches("[A-Za-z0-9.-]+");
    }

    @Test
    void theConsumerThreadsOfThePrefixAreOwnAndNothingElse() {
        LiveConsumerClientId own = new LiveConsumerClientId("insights-budget-h-1a2b3c4d");

        assertThat(own.isOwn("insights-budget-h-1a2b3c4d-0")).isTrue();
        assertThat(own.isOwn("insights-budget-h-1a2b3c4d-1")).isTrue();
        assertThat(own.isOwn("insights-budget-h-1a2b3c4d")).isTrue();
        assertThat(own.isOwn("insights-budget-h-1a2b3c4d5-0")).isFalse();
        assertThat(own.isOwn("consumer-insights-service-1")).isFalse();
        assertThat(own.isOwn("")).isFalse();
        assertThat(own.isOwn(null)).isFalse();
    }
}
