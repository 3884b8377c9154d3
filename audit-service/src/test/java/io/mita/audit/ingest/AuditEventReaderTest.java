package io.mita.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.mita.audit.privacy.EmailHasher;
import io.mita.audit.privacy.EventMasker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditEventReaderTest {

    private static final String HASH_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final AuditEventReader reader =
            new AuditEventReader(JsonMapper.builder().build(), new EventMasker(new EmailHasher(HASH_KEY)));

    @Test
    void aCompleteEventIsReadWithItsExtensionsAndKafkaPosition() {
        UUID id = UUID.randomUUID();
        CloudEvent event = anEvent(id.toString())
                .withExtension("actorid", "actor-7")
                .withExtension("correlationid", "corr-7")
                .withData(
                        "application/json",
                        "{ \"amount\" : \"12.50\", \"tags\": [1, 2] }".getBytes(StandardCharsets.UTF_8))
                .build();

        IncomingAuditEvent read = reader.read(new ConsumerRecord<>("mita.budget.v1", 2, 41L, "user-1", event));

        assertThat(read)
                .isEqualTo(new IncomingAuditEvent(
                        id,
                        "/mita/budget",
                        "mita.budget.transaction.created.v1",
                        "user-1",
                        "actor-7",
                        "corr-7",
                        Instant.parse("2025-03-01T10:15:30Z"),
                        "mita.budget.v1",
                        2,
                        41L,
                        "{\"amount\":\"12.50\",\"tags\":[1,2]}",
                        List.of()));
    }

    @Test
    void theDataIsMaskedBeforeItIsStoredAndTheEmailKeptOnlyAsItsKeyedHash() {
        CloudEvent event = anEvent(UUID.randomUUID().toString())
                .withData(
                        "application/json",
                        "{\"email\":\"Jane@Example.com\",\"password\":\"hunter2\",\"card\":\"4111111111111111\"}"
                                .getBytes(StandardCharsets.UTF_8))
                .build();

        IncomingAuditEvent read = reader.read(record(event));

        assertThat(read.dataJson())
                .isEqualTo("{\"email\":\"J***@Example.com\",\"password\":\"[REDACTED]\","
                        + "\"card\":\"**** **** **** 1111\"}");
        assertThat(read.emailHashes()).containsExactly(new EmailHasher(HASH_KEY).hash("jane@example.com"));
    }

    @Test
    void anEventWithoutDataOrOptionalExtensionsIsStillRead() {
        IncomingAuditEvent read =
                reader.read(record(anEvent(UUID.randomUUID().toString()).build()));

        assertThat(read.dataJson()).isNull();
        assertThat(read.actorId()).isNull();
        assertThat(read.correlationId()).isNull();
    }

    @Test
    void anEventWithoutSubjectIsRejected() {
        CloudEvent event =
                anEvent(UUID.randomUUID().toString()).withSubject(null).build();

        assertThatThrownBy(() -> reader.read(record(event)))
                .isInstanceOf(InvalidAuditEventException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void anEventWhoseIdIsNotAUuidIsRejected() {
        assertThatThrownBy(() -> reader.read(record(anEvent("order-42").build())))
                .isInstanceOf(InvalidAuditEventException.class)
                .hasMessageContaining("not a UUID");
        assertThatThrownBy(() -> reader.read(record(anEvent("1-2-3-4-5").build())))
                .isInstanceOf(InvalidAuditEventException.class);
    }

    @Test
    void anEventWithoutTimeIsRejected() {
        CloudEvent event = anEvent(UUID.randomUUID().toString()).withTime(null).build();

        assertThatThrownBy(() -> reader.read(record(event)))
                .isInstanceOf(InvalidAuditEventException.class)
                .hasMessageContaining("time");
    }

    @Test
    void dataThatIsNotJsonIsRejected() {
        CloudEvent event = anEvent(UUID.randomUUID().toString())
                .withData("text/plain", "hello {".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThatThrownBy(() -> reader.read(record(event)))
                .isInstanceOf(InvalidAuditEventException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void textPostgresCannotStoreIsRejectedBeforeItCanFailABatch() {
        CloudEvent nulInData = anEvent(UUID.randomUUID().toString())
                .withData("application/json", "{\"note\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8))
                .build();
        CloudEvent nulInSubject =
                anEvent(UUID.randomUUID().toString()).withSubject("user\0").build();

        assertThatThrownBy(() -> reader.read(record(nulInData))).isInstanceOf(InvalidAuditEventException.class);
        assertThatThrownBy(() -> reader.read(record(nulInSubject))).isInstanceOf(InvalidAuditEventException.class);
    }

    @Test
    void aRecordWhoseValueCouldNotBeDeserialisedIsRejected() {
        assertThatThrownBy(() -> reader.read(new ConsumerRecord<>("mita.budget.v1", 0, 0L, "k", null)))
                .isInstanceOf(InvalidAuditEventException.class);
    }

    private static CloudEventBuilder anEvent(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/mita/budget"))
                .withType("mita.budget.transaction.created.v1")
                .withSubject("user-1")
                .withTime(OffsetDateTime.parse("2025-03-01T12:15:30+02:00"));
    }

    private static ConsumerRecord<String, CloudEvent> record(CloudEvent event) {
        return new ConsumerRecord<>("mita.test.v1", 0, 0L, "user-1", event);
    }
}
