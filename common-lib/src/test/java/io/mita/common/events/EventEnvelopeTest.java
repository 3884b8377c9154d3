package io.mita.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.tracing.TraceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final UUID ID = UUID.fromString("0b7e9a54-2f1d-4c3b-9a8e-7d6c5b4a3f2e");
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-01-15T09:30:00Z");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final byte[] DATA =
            "{\"userId\":\"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void carriesEveryAttributeAndTheThreeExtensionsWhenTheyAreKnown() {
        CloudEvent event = envelope("corr-1", "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", TRACEPARENT)
                .wrap(DATA);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(ID.toString());
        assertThat(event.getSource()).hasToString("/mita/budget");
        assertThat(event.getType()).isEqualTo("mita.budget.transaction.created.v1");
        assertThat(event.getSubject()).isEqualTo("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(event.getTime()).isEqualTo(TIME);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(DATA);
        assertThat(EventExtensions.correlationId(event)).isEqualTo("corr-1");
        assertThat(EventExtensions.actorId(event)).isEqualTo("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(EventExtensions.traceparent(event)).isEqualTo(TRACEPARENT);
    }

    @Test
    void leavesOutTheExtensionsThatAreNotKnown() {
        CloudEvent event = envelope(null, null, null).wrap(DATA);

        assertThat(event.getExtensionNames()).isEmpty();
    }

    @Test
    void travelsInKafkaBinaryModeAsCeHeadersWithTheJsonAsValue() {
        RecordHeaders headers = new RecordHeaders();

        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            value = serializer.serialize(
                    "mita.budget.v1",
                    headers,
                    envelope("corr-1", "actor-1", TRACEPARENT).wrap(DATA));
        }

        Map<String, String> named = new TreeMap<>();
        for (Header header : headers) {
            named.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(value).isEqualTo(DATA);
        assertThat(named)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", ID.toString())
                .containsEntry("ce_source", "/mita/budget")
                .containsEntry("ce_type", "mita.budget.transaction.created.v1")
                .containsEntry("ce_subject", "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
                .containsEntry("ce_time", "2026-01-15T09:30:00Z")
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_correlationid", "corr-1")
                .containsEntry("ce_actorid", "actor-1")
                .containsEntry("ce_traceparent", TRACEPARENT);
    }

    @Test
    void refusesAnEnvelopeWithoutSubject() {
        assertThatThrownBy(() -> new EventEnvelope(
                        ID,
                        URI.create("/mita/budget"),
                        "mita.budget.transaction.created.v1",
                        null,
                        TIME,
                        null,
                        null,
                        null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("subject");
    }

    @Test
    void aTraceParentIsTheW3cFormOfTheSpanAndItsSamplingDecision() {
        assertThat(TraceParent.of(context(true))).isEqualTo(TRACEPARENT);
        assertThat(TraceParent.of(context(false))).isEqualTo(TRACEPARENT.replaceFirst("-01$", "-00"));
    }

    @Test
    void withoutATracerThereIsNoTraceParent() {
        assertThat(TraceParent.current(null)).isNull();
    }

    private static TraceContext context(boolean sampled) {
        return new TraceContext() {
            @Override
            public String traceId() {
                return "4bf92f3577b34da6a3ce929d0e0e4736";
            }

            @Override
            public String parentId() {
                return null;
            }

            @Override
            public String spanId() {
                return "00f067aa0ba902b7";
            }

            @Override
            public Boolean sampled() {
                return sampled;
            }
        };
    }

    private static EventEnvelope envelope(String correlationId, String actorId, String traceparent) {
        return new EventEnvelope(
                ID,
                URI.create("/mita/budget"),
                "mita.budget.transaction.created.v1",
                "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                TIME,
                correlationId,
                actorId,
                traceparent);
    }
}
