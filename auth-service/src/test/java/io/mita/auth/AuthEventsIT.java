package io.mita.auth;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.auth.registration.UserRegistered;
import io.mita.common.events.EventExtensions;
import io.mita.testsupport.GoldenEvents;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MitaIntegrationTest
class AuthEventsIT {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Test
    void aRegistrationIsPublishedWithTheRequestsCorrelationIdAndTraceAndNoSecrets() throws Exception {
        String email = aUniqueEmail();
        String correlationId = "it-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = "00f067aa0ba902b7";

        UUID userId;
        try (LogLines requestLines = LogLines.of("mita.request")) {
            userId = AuthFixtures.patient(client)
                    .post()
                    .uri("/api/auth/register")
                    .header("X-Correlation-Id", correlationId)
                    .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Ann"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(AuthFixtures.Registered.class)
                    .returnResult()
                    .getResponseBody()
                    .userId();

            assertThat(requestLines.awaitOneWithCorrelationId(correlationId).getMDCPropertyMap())
                    .as("the request line")
                    .containsEntry("traceId", traceId)
                    .containsKey("spanId");
        }

        CloudEvent event = awaitEvent(UserRegistered.TYPE, userId.toString());

        assertThat(event.getSource()).hasToString("/mita/auth");
        assertThat(EventExtensions.correlationId(event)).isEqualTo(correlationId);
        assertThat(EventExtensions.traceparent(event))
                .as("the event continues the request's trace (hashing ran on another thread)")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(clientSpanId);
        assertThat(EventExtensions.actorId(event)).isEqualTo(userId.toString());
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(data).doesNotContain(email).doesNotContain(PASSWORD).doesNotContain("argon2");
        JsonNode payload = json.readTree(data);
        GoldenEvents.assertSerialisesToShapeOf(UserRegistered.TYPE, payload);
        assertThat(payload.get("userId").asString()).isEqualTo(userId.toString());
        assertThat(payload.get("displayName").asString()).isEqualTo("Ann");
        assertThat(Instant.parse(payload.get("registeredAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
    }

    private static CloudEvent awaitEvent(String type, String subject) {
        try (KafkaConsumer<String, CloudEvent> consumer = KafkaTestBroker.consumer("auth-events-it")) {
            consumer.subscribe(List.of("mita.auth.v1"));
            long deadline = System.nanoTime() + KafkaTestBroker.patience().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    Optional<CloudEvent> match = Optional.ofNullable(record.value())
                            .filter(event -> type.equals(event.getType()) && subject.equals(event.getSubject()));
                    if (match.isPresent()) {
                        assertThat(record.key()).isEqualTo(subject);
                        return match.get();
                    }
                }
            }
        }
        throw new AssertionError(
                "no " + type + " for " + subject + " on mita.auth.v1 within " + KafkaTestBroker.patience());
    }
}
