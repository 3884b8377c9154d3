package io.mita.insights.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.insights.inbound.LiveConsumerClientId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherConsumersTest {

    private final LiveConsumerClientId own = new LiveConsumerClientId("insights-budget-host-a-1234abcd");

    @Test
    void thisInstancesOwnConsumersAreNoOtherMembers() {
        OtherConsumers others = OtherConsumers.of(
                "insights-service",
                List.of(
                        new OtherConsumers.Member("insights-budget-host-a-1234abcd-0", "/10.0.0.5"),
                        new OtherConsumers.Member("insights-budget-host-a-1234abcd-1", "/10.0.0.5")),
                own::isOwn);

        assertThat(others.none()).isTrue();
    }

    @Test
    void anotherInstancesConsumersAndPlainConsumersAreOtherMembers() {
        OtherConsumers others = OtherConsumers.of(
                "insights-service",
                List.of(
                        new OtherConsumers.Member("insights-budget-host-a-1234abcd-0", "/10.0.0.5"),
                        new OtherConsumers.Member("insights-budget-host-b-99999999-0", "/10.0.0.6"),
                        new OtherConsumers.Member("consumer-insights-service-1", "/10.0.0.7")),
                own::isOwn);

        assertThat(others.none()).isFalse();
        assertThat(others.members())
                .extracting(OtherConsumers.Member::clientId)
                .containsExactly("insights-budget-host-b-99999999-0", "consumer-insights-service-1");
        assertThat(others.describe())
                .isEqualTo("2 other members in consumer group insights-service: insights-budget-host-b-99999999-0"
                        + " (/10.0.0.6), consumer-insights-service-1 (/10.0.0.7)");
    }

    @Test
    void anEmptyGroupHasNoOtherMembers() {
        assertThat(OtherConsumers.of("insights-service", List.of(), own::isOwn).none())
                .isTrue();
    }

    @Test
    void oneOtherMemberIsDescribedInTheSingular() {
        OtherConsumers others =
                OtherConsumers.of("g", List.of(new OtherConsumers.Member("x-0", "/127.0.0.1")), own::isOwn);

        assertThat(others.describe()).isEqualTo("1 other member in consumer group g: x-0 (/127.0.0.1)");
    }

    @Test
    void offsetsThatMovedAppearedOrDisappearedAreReportedAndUnchangedOnesAreNot() {
        Map<String, String> moved = OtherConsumers.movedOffsets(
                Map.of("mita.budget.v1-0", 10L, "mita.budget.v1-1", 7L, "mita.budget.v1-2", 3L),
                Map.of("mita.budget.v1-0", 10L, "mita.budget.v1-1", 9L, "mita.budget.v1-3", 1L));

        assertThat(moved)
                .containsExactly(
                        Map.entry("mita.budget.v1-1", "7 -> 9"),
                        Map.entry("mita.budget.v1-2", "3 -> none"),
                        Map.entry("mita.budget.v1-3", "none -> 1"));
    }

    @Test
    void equalOffsetsHaveNothingMoved() {
        assertThat(OtherConsumers.movedOffsets(Map.of("t-0", 4L), Map.of("t-0", 4L)))
                .isEmpty();
        assertThat(OtherConsumers.movedOffsets(Map.of(), Map.of())).isEmpty();
    }
}
