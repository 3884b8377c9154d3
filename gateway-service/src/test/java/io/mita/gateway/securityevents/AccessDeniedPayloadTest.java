package io.mita.gateway.securityevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.events.EventExtensions;
import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The payload serialises to the golden file's shape; the envelope names the user or the anonymous client. */
class AccessDeniedPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> RELIABLE = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");

    private final AccessDenied anonymous = new AccessDenied(
            "anonymous:3f7a9c1e5b2d4a60",
            401,
            "budget",
            17,
            Instant.parse("2026-11-22T10:15:00Z"),
            Instant.parse("2026-11-22T10:16:00Z"),
            List.of("5b0e7c1a-2f4d-4c3b-9a8e-1d2c3b4a5f60", "app-7f3a:42"),
            false);

    @Test
    void serialisesToTheGoldenFile() {
        GoldenEvents.assertSerialisesTo(AccessDenied.TYPE, anonymous);
    }

    @Test
    void namesAnAnonymousClientByItsKeyAndAUserByItsIdAsSubjectActorAndKafkaKey() {
        AccessDeniedPublisher publisher = publisher(RELIABLE);

        var anonymousRecord = publisher.record(anonymous);
        CloudEvent event = anonymousRecord.value();
        assertThat(anonymousRecord.topic()).isEqualTo("mita.gateway.v1");
        assertThat(anonymousRecord.key()).isEqualTo("anonymous:3f7a9c1e5b2d4a60");
        assertThat(event.getSubject()).isEqualTo("anonymous:3f7a9c1e5b2d4a60");
        assertThat(EventExtensions.actorId(event)).isNull();
        assertThat(EventExtensions.correlationId(event)).isEqualTo("5b0e7c1a-2f4d-4c3b-9a8e-1d2c3b4a5f60");
        assertThat(event.getTime().toInstant()).isEqualTo(anonymous.windowEnd());
        assertThat(event.getType()).isEqualTo(AccessDenied.TYPE);
        assertThat(event.getSource()).hasToString("/mita/gateway");

        AccessDenied user = new AccessDenied(
                "user:6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                429,
                "budget",
                3,
                anonymous.windowStart(),
                anonymous.windowEnd(),
                List.of(),
                false);
        var userRecord = publisher.record(user);
        assertThat(userRecord.key()).isEqualTo("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(userRecord.value().getSubject()).isEqualTo("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(EventExtensions.actorId(userRecord.value())).isEqualTo("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(EventExtensions.correlationId(userRecord.value())).isNull();

        AccessDenied overflow = new AccessDenied(
                "overflow", 0, "*", 9_900, anonymous.windowStart(), anonymous.windowEnd(), List.of(), true);
        assertThat(publisher.record(overflow).value().getSubject()).isEqualTo("gateway:overflow");
    }

    @Test
    void refusesAProducerThatIsNotIdempotentWithAcksAll() {
        assertThatThrownBy(() -> publisher(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:9",
                        ProducerConfig.ACKS_CONFIG,
                        "1",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        "true")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acks=1");
        assertThatThrownBy(() -> publisher(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ProducerConfig.ACKS_CONFIG, "all")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enable.idempotence=null");
    }

    @Test
    void carriesTheTraceParentWhenOneIsKnownAndNoneOtherwise() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        CloudEvent traced =
                publisher(RELIABLE, () -> traceparent).record(anonymous).value();
        CloudEvent untraced = publisher(RELIABLE).record(anonymous).value();

        assertThat(EventExtensions.traceparent(traced)).isEqualTo(traceparent);
        assertThat(untraced.getExtensionNames()).doesNotContain(EventExtensions.TRACEPARENT);
    }

    private static AccessDeniedPublisher publisher(Map<String, Object> config) {
        return publisher(config, () -> null);
    }

    private static AccessDeniedPublisher publisher(Map<String, Object> config, Supplier<String> traceparent) {
        var factory = new DefaultKafkaProducerFactory<String, CloudEvent>(
                config, new StringSerializer(), new CloudEventSerializer());
        return new AccessDeniedPublisher(
                new KafkaTemplate<>(factory),
                JSON,
                "mita.gateway.v1",
                "/mita/gateway",
                traceparent,
                new SimpleMeterRegistry());
    }
}
