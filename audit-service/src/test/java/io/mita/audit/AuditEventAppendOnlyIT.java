package io.mita.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** Compliance: once stored, an audit event can be neither changed nor removed, by anyone with SQL access. */
@MitaIntegrationTest
class AuditEventAppendOnlyIT {

    @Autowired
    private DatabaseClient databaseClient;

    private UUID eventId;

    @BeforeEach
    void storeAnEvent() {
        eventId = UUID.randomUUID();
        databaseClient.sql("""
                        INSERT INTO audit_event (event_id, source, type, subject, occurred_at, topic, partition,
                                                 kafka_offset, data)
                        VALUES (:id, '/mita/test', 'mita.test.thing.happened.v1', 'user-1', now(), 'mita.test.v1',
                                0, 0, '{"n":1}'::jsonb)""").bind("id", eventId).then().block(Duration.ofSeconds(5));
    }

    @Test
    void anAuditEventCannotBeUpdated() {
        StepVerifier.create(databaseClient
                        .sql("UPDATE audit_event SET subject = 'someone-else' WHERE event_id = :id")
                        .bind("id", eventId)
                        .then())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("append-only"))
                .verify(Duration.ofSeconds(5));

        assertThat(subjectOf(eventId)).isEqualTo("user-1");
    }

    @Test
    void anAuditEventCannotBeDeleted() {
        StepVerifier.create(databaseClient
                        .sql("DELETE FROM audit_event WHERE event_id = :id")
                        .bind("id", eventId)
                        .then())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("append-only"))
                .verify(Duration.ofSeconds(5));

        assertThat(subjectOf(eventId)).isEqualTo("user-1");
    }

    @Test
    void theAuditLogCannotBeTruncated() {
        StepVerifier.create(databaseClient.sql("TRUNCATE audit_event").then())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("append-only"))
                .verify(Duration.ofSeconds(5));

        assertThat(subjectOf(eventId)).isEqualTo("user-1");
    }

    private String subjectOf(UUID id) {
        return databaseClient
                .sql("SELECT subject FROM audit_event WHERE event_id = :id")
                .bind("id", id)
                .map(row -> row.get("subject", String.class))
                .one()
                .block(Duration.ofSeconds(5));
    }
}
