package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 8 of the fault suite: poison on every consumed topic — a record that is not a CloudEvent, and a valid
 * envelope whose payload no consumer can read. Each lands on {@code <topic>.dlt} at once with its reason, from every
 * consumer group that reads the topic, and a valid event written after them on the same partition still reaches the
 * audit log.
 */
@ExtendWith(SettledStack.class)
class PoisonEventFaultE2E {

    private static final String AUDIT_GROUP = "audit-service";
    private static final String NOTIFICATION_GROUP = "notification-service";
    /** The one type notification-service reads from mita.auth.v1; a payload of it that is not JSON poisons both. */
    private static final String PASSWORD_RESET_REQUESTED = "mita.auth.password-reset.requested.v1";

    static List<String> topics() {
        return EventTopics.EVENT_TOPICS;
    }

    @ParameterizedTest
    @MethodSource("topics")
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndLaterEventsKeepFlowing(String topic) throws Exception {
        String notACloudEvent = "poison-not-a-cloudevent-" + UUID.randomUUID();
        String unreadablePayload = "poison-unreadable-payload-" + UUID.randomUUID();
        UUID followUpId = UUID.randomUUID();

        EventTopics.send(
                topic, 0, notACloudEvent, Map.of(), "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        EventTopics.send(
                topic,
                0,
                unreadablePayload,
                envelope(UUID.randomUUID(), poisonType(topic)),
                "{not json".getBytes(StandardCharsets.UTF_8));
        EventTopics.send(
                topic,
                0,
                "fault-suite-follow-up",
                envelope(followUpId, "mita.faultsuite.poison.followed.v1"),
                "{\"note\":\"written after two poison records\"}".getBytes(StandardCharsets.UTF_8));

        Set<String> expectedGroups =
                topic.equals("mita.auth.v1") ? Set.of(AUDIT_GROUP, NOTIFICATION_GROUP) : Set.of(AUDIT_GROUP);
        List<EventTopics.Message> deadLetters = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            deadLetters =
                    EventTopics.read(topic + EventTopics.DEAD_LETTER_SUFFIX, Set.of(notACloudEvent, unreadablePayload));
            if (groupsPerKey(deadLetters, notACloudEvent).containsAll(expectedGroups)
                    && groupsPerKey(deadLetters, unreadablePayload).containsAll(expectedGroups)
                    && StackDatabases.audited(followUpId)) {
                break;
            }
            Thread.sleep(1000);
        }
        FaultFigures.report(
                "8 poison on " + topic,
                "a non-CloudEvent and an unreadable payload, then a valid event",
                3,
                FaultFigures.NOT_COUNTED,
                StackDatabases.audited(followUpId) ? 1 : 0,
                0,
                deadLetters.size(),
                "dead letters by group: %s"
                        .formatted(deadLetters.stream()
                                .map(m -> m.headers().get(EventTopics.ORIGINAL_GROUP_HEADER) + ":"
                                        + m.key().substring(0, 24))
                                .toList()));

        assertThat(groupsPerKey(deadLetters, notACloudEvent))
                .as("groups that dead-lettered the non-CloudEvent")
                .containsAll(expectedGroups);
        assertThat(groupsPerKey(deadLetters, unreadablePayload))
                .as("groups that dead-lettered the unreadable payload")
                .containsAll(expectedGroups);
        assertThat(deadLetters)
                .as("every dead letter carries its reason")
                .allSatisfy(message -> assertThat(message.headers().get(EventTopics.EXCEPTION_MESSAGE_HEADER))
                        .isNotBlank());
        assertThat(StackDatabases.audited(followUpId))
                .as("the valid event after the poison is audited")
                .isTrue();
    }

    private static String poisonType(String topic) {
        return topic.equals("mita.auth.v1") ? PASSWORD_RESET_REQUESTED : "mita.faultsuite.poison.tested.v1";
    }

    private static Set<String> groupsPerKey(List<EventTopics.Message> messages, String key) {
        return messages.stream()
                .filter(message -> message.key().equals(key))
                .map(message -> message.headers().get(EventTopics.ORIGINAL_GROUP_HEADER))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** CloudEvents 1.0 in Kafka binary mode, as the services write it. */
    private static Map<String, String> envelope(UUID id, String type) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", id.toString(),
                "ce_source", "/mita/fault-suite",
                "ce_type", type,
                "ce_subject", "fault-suite",
                "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }
}
