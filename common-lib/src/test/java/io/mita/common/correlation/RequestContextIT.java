package io.mita.common.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.common.CommonLibTestApplication.NoteController;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Without automatic context propagation, what a request's chain writes on a database thread still carries the
 * request's ids: the event's {@code traceparent} and correlation id, and a line logged through
 * {@code LogContext}.
 */
@MitaIntegrationTest
class RequestContextIT {

    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    Environment environment;

    @Test
    void theProcessRunsWithoutAutomaticContextPropagation() {
        assertThat(environment.getProperty("spring.reactor.context-propagation"))
                .isEqualTo("limited");
    }

    @Test
    void anEventAppendedAfterAQueryContinuesTheRequestsTraceAndALineLoggedThereCarriesTheIds() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String correlationId = "ctx-" + UUID.randomUUID();
        try (LogLines requestLines = LogLines.of("mita.request");
                LogLines chainLines = LogLines.of(NoteController.class)) {
            Map<String, String> answer = web.post()
                    .uri("/api/test/notes")
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                    .header(CorrelationId.HEADER, correlationId)
                    .header("traceparent", "00-" + traceId + "-" + CLIENT_SPAN + "-01")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, String>>() {})
                    .returnResult()
                    .getResponseBody();

            List<String> stored = outboxRow(UUID.fromString(answer.get("eventId")));
            assertThat(stored.get(0))
                    .as("the event's traceparent: the request's trace, the service's span, sampled")
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(CLIENT_SPAN);
            assertThat(stored.get(1)).isEqualTo(correlationId);
            assertThat(chainLines.awaitOneWithCorrelationId(correlationId).getMDCPropertyMap())
                    .containsEntry("traceId", traceId)
                    .containsKey("spanId");
            assertThat(requestLines.awaitOneWithCorrelationId(correlationId).getMDCPropertyMap())
                    .containsEntry("traceId", traceId)
                    .containsKey("spanId");
        }
    }

    @Test
    void anEventAppendedOutsideAnyRequestOrObservationHasNoTraceparent() {
        UUID eventId = outbox.append(new OutgoingEvent(NoteController.EVENT_TYPE, "system", Map.of("n", 1)), "system")
                .block();

        assertThat(outboxRow(eventId)).containsExactly("", "");
    }

    /** The stored traceparent and correlation id, "" for none. */
    private List<String> outboxRow(UUID eventId) {
        return database.sql("SELECT coalesce(traceparent, '') AS traceparent, coalesce(correlation_id, '') AS"
                        + " correlation_id FROM outbox_event WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> List.of(row.get("traceparent", String.class), row.get("correlation_id", String.class)))
                .one()
                .block();
    }
}
