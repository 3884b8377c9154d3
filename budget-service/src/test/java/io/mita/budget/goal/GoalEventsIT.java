package io.mita.budget.goal;

import static io.mita.budget.goal.GoalApi.json;
import static io.mita.budget.goal.GoalFixtures.aContribution;
import static io.mita.budget.goal.GoalFixtures.aGoal;
import static io.mita.budget.goal.GoalFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.common.events.EventExtensions;
import io.mita.testsupport.GoldenEvents;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The goal events reach {@code mita.budget.v1} through the outbox, in order, under the user's key. */
@MitaIntegrationTest
class GoalEventsIT {

    private static final String TOPIC = "mita.budget.v1";

    @Autowired
    WebTestClient webTestClient;

    private GoalApi api;
    private KafkaConsumer<String, CloudEvent> consumer;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new GoalApi(webTestClient);
        consumer = KafkaTestBroker.consumer("budget-goal-events-it");
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    @Test
    void createdContributionAddedAndCompletedArriveInOrderWithTheGoldenShapes() {
        UUID goal = api.createdId(user, with(aGoal(), "targetAmount", "100.00"));
        JsonNode contribution =
                json(api.contribute(user, goal, with(aContribution("40.00"), "note", "birthday money"), null)
                        .expectStatus()
                        .isCreated());
        api.contribute(user, goal, aContribution("60.00"), null).expectStatus().isCreated();

        List<ConsumerRecord<String, CloudEvent>> records = eventsOfUser(4);

        assertThat(records)
                .extracting(r -> r.value().getType())
                .containsExactly(
                        GoalPublisher.CREATED,
                        GoalPublisher.CONTRIBUTION_ADDED,
                        GoalPublisher.CONTRIBUTION_ADDED,
                        GoalPublisher.COMPLETED);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(user.toString());
        assertThat(records)
                .extracting(ConsumerRecord::partition)
                .containsOnly(records.get(0).partition());
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            assertThat(event.getSubject()).isEqualTo(user.toString());
            assertThat(event.getSource().toString()).isEqualTo("/mita/budget");
            assertThat(EventExtensions.actorId(event)).isEqualTo(user.toString());
            JsonNode data = data(event);
            GoldenEvents.assertSerialisesToShapeOf(event.getType(), data);
            assertThat(data.get("goalId").asString()).isEqualTo(goal.toString());
        }
        JsonNode firstContribution = data(records.get(1).value());
        assertThat(firstContribution.get("contributionId").asString())
                .isEqualTo(contribution.get("id").asString());
        assertThat(firstContribution.get("savedAmount").asString()).isEqualTo("40.00");
        assertThat(new String(records.get(1).value().getData().toBytes(), StandardCharsets.UTF_8))
                .as("the note never leaves the service")
                .doesNotContain("birthday money");
        JsonNode completed = data(records.get(3).value());
        assertThat(completed.get("reason").asString()).isEqualTo("TARGET_REACHED");
        assertThat(completed.get("savedAmount").asString()).isEqualTo("100.00");
    }

    @Test
    void completingByTheOwnerIsAnnouncedWithItsReason() {
        UUID goal = api.createdId(user, aGoal());
        api.patch(user, goal, Map.of("name", "Rome"), null).expectStatus().isOk();
        api.transition(user, goal, "complete").expectStatus().isOk();

        List<ConsumerRecord<String, CloudEvent>> records = eventsOfUser(2);

        assertThat(records)
                .extracting(r -> r.value().getType())
                .containsExactly(GoalPublisher.CREATED, GoalPublisher.COMPLETED);
        JsonNode completed = data(records.get(1).value());
        assertThat(completed.get("reason").asString()).isEqualTo("BY_OWNER");
        assertThat(completed.get("name").asString()).isEqualTo("Rome");
        assertThat(completed.get("savedAmount").asString()).isEqualTo("0.00");
    }

    /** Polls until {@code expected} events about this test's user arrived (others' events are skipped). */
    private List<ConsumerRecord<String, CloudEvent>> eventsOfUser(int expected) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(KafkaTestBroker.patience());
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null
                        && user.toString().equals(record.value().getSubject())) {
                    found.add(record);
                }
            }
        }
        assertThat(found).as("events about user %s on %s", user, TOPIC).hasSize(expected);
        return found;
    }

    private static JsonNode data(CloudEvent event) {
        return GoalApi.JSON.readTree(event.getData().toBytes());
    }
}
