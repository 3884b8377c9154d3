package io.mita.audit.ingest;

import static io.mita.audit.AuditApi.expectProblem;
import static io.mita.audit.AuditEventFixtures.BUDGET_TOPIC;
import static io.mita.audit.AuditEventFixtures.TEST_TOPIC;
import static io.mita.audit.AuditEventFixtures.aBudgetEvent;
import static io.mita.audit.AuditEventFixtures.aSubject;
import static io.mita.audit.AuditEventFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.mita.audit.AuditApi;
import io.mita.audit.TestEventPublisher;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class AuditEventIngestIT {

    private static TestEventPublisher publisher;

    @Autowired
    private WebTestClient web;

    @Autowired
    private DatabaseClient databaseClient;

    @BeforeAll
    static void topics() throws Exception {
        publisher = TestEventPublisher.forTopics(TEST_TOPIC, BUDGET_TOPIC);
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    private AuditApi compliance() {
        return new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"));
    }

    @Test
    void anEventDeliveredTwiceIsStoredOnce() throws Exception {
        String subject = aSubject();
        CloudEvent event = anEvent(subject).build();
        CloudEvent between = anEvent(subject).build();
        CloudEvent last = anEvent(subject).build();
        publisher.publish(TEST_TOPIC, event, event);
        publisher.publish(TEST_TOPIC, between, event, last);

        // one partition: once "last" is stored, every copy of "event" before it has been processed
        AuditApi.Page page = compliance().awaitSearch("subject=" + subject, 3);

        assertThat(page.eventIds())
                .containsExactly(
                        UUID.fromString(last.getId()),
                        UUID.fromString(between.getId()),
                        UUID.fromString(event.getId()));
        assertThat(rowsWithId(event.getId())).isEqualTo(1L);
    }

    @Test
    void eventsFromEveryServiceTopicAreStoredWithTheirKafkaPosition() throws Exception {
        String subject = aSubject();
        CloudEvent fromTest = anEvent(subject).build();
        CloudEvent fromBudget = aBudgetEvent(subject).build();
        publisher.publish(TEST_TOPIC, fromTest);
        publisher.publish(BUDGET_TOPIC, fromBudget);

        compliance().awaitSearch("subject=" + subject, 2);

        assertThat(topicOf(fromTest.getId())).isEqualTo(TEST_TOPIC);
        assertThat(topicOf(fromBudget.getId())).isEqualTo(BUDGET_TOPIC);
    }

    @Test
    void eventsMissingRequiredAttributesGoToTheDeadLetterTopicAndAreNotStored() throws Exception {
        String subject = aSubject();
        CloudEvent withoutSubject = anEvent(subject).withSubject(null).build();
        CloudEvent withoutUuid =
                anEvent(subject).withId("order-" + UUID.randomUUID()).build();
        CloudEvent valid = anEvent(subject).build();

        try (KafkaConsumer<String, CloudEvent> deadLetters = KafkaTestBroker.consumer("audit-dlt-check")) {
            deadLetters.subscribe(List.of(TEST_TOPIC + ".dlt"));
            publisher.publish(TEST_TOPIC, withoutSubject, withoutUuid, valid);

            Map<String, ConsumerRecord<String, CloudEvent>> dead = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                deadLetters
                        .poll(Duration.ofMillis(500))
                        .forEach(r -> dead.put(r.value().getId(), r));
                return dead.containsKey(withoutSubject.getId()) && dead.containsKey(withoutUuid.getId());
            });

            assertThat(header(dead.get(withoutSubject.getId()), "kafka_dlt-exception-message"))
                    .contains("subject");
            assertThat(header(dead.get(withoutUuid.getId()), "kafka_dlt-exception-message"))
                    .contains("not a UUID");
            assertThat(header(dead.get(withoutSubject.getId()), "kafka_dlt-original-topic"))
                    .isEqualTo(TEST_TOPIC);
        }
        // the valid event behind the rejected ones in the same batch is still stored; the rejected ones are not
        assertThat(compliance().awaitSearch("subject=" + subject, 1).eventIds())
                .containsExactly(UUID.fromString(valid.getId()));
        assertThat(rowsWithId(withoutSubject.getId())).isZero();
        expectProblem(
                compliance().call("/api/audit/events/" + withoutSubject.getId()),
                HttpStatus.NOT_FOUND,
                "AUDIT_EVENT_NOT_FOUND");
    }

    @Test
    void everyIngestedEventJoinsTheHashChainAndTheWholeLogVerifies() throws Exception {
        String subject = aSubject();
        publisher.publish(
                TEST_TOPIC,
                anEvent(subject).build(),
                anEvent(subject).build(),
                aBudgetEvent(subject).build());
        compliance().awaitSearch("subject=" + subject, 3);

        long chained = databaseClient
                .sql("SELECT count(*) AS n FROM audit_chain c JOIN audit_event e ON e.seq = c.seq"
                        + " WHERE e.subject = :subject AND c.event_id = e.event_id")
                .bind("subject", subject)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(5));
        assertThat(chained).isEqualTo(3);
        compliance().expectIntactLog().jsonPath("$.firstBrokenRecord").doesNotExist();
    }

    private long rowsWithId(String eventId) {
        return databaseClient
                .sql("SELECT count(*) AS n FROM audit_event WHERE event_id = :id")
                .bind("id", UUID.fromString(eventId))
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(5));
    }

    private String topicOf(String eventId) {
        return databaseClient
                .sql("SELECT topic FROM audit_event WHERE event_id = :id")
                .bind("id", UUID.fromString(eventId))
                .map(row -> row.get("topic", String.class))
                .one()
                .block(Duration.ofSeconds(5));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
