package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.common.correlation.CorrelationId;
import io.mita.common.events.EventExtensions;
import io.mita.gateway.caller.Clients;
import io.mita.testsupport.KafkaTestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refused requests become one aggregated event per client, status and route per (1 s, in tests) window. */
class SecurityEventsIT extends GatewayTestSupport {

    private static final String TOPIC = "mita.gateway.v1";
    private static final long WINDOW_MILLIS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KafkaConsumer<String, CloudEvent> consumer;

    @BeforeEach
    void subscribe() {
        consumer = KafkaTestBroker.consumer("gateway-security-events-it");
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void publishesExactlyOneEventCountingEveryUnauthenticatedRequestOfAClientInAWindow() {
        int refused = 5;
        Burst burst = burstWithinOneWindow(ip -> {
            List<String> correlationIds = new ArrayList<>();
            for (int i = 0; i < refused; i++) {
                correlationIds.add(client.get()
                        .uri("/api/budget/transactions/" + UUID.randomUUID())
                        .header("X-Forwarded-For", ip)
                        .exchange()
                        .expectStatus()
                        .isUnauthorized()
                        .returnResult(String.class)
                        .getResponseHeaders()
                        .getFirst(CorrelationId.HEADER));
            }
            return correlationIds;
        });
        String subject = Clients.anonymousKey(burst.ip());

        List<CloudEvent> events = eventsAbout(subject, Duration.ofSeconds(3));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("mita.gateway.access.denied.v1");
            assertThat(event.getSource()).hasToString("/mita/gateway");
            assertThat(event.getSubject())
                    .isEqualTo(subject)
                    .startsWith("anonymous:")
                    .hasSize("anonymous:".length() + 16);
            assertThat(event.getId()).satisfies(id -> UUID.fromString(id));
            assertThat(EventExtensions.actorId(event)).isNull();
            assertThat(EventExtensions.correlationId(event)).isIn(burst.correlationIds());
            JsonNode data = JSON.readTree(event.getData().toBytes());
            assertThat(data.get("clientKey").asString()).isEqualTo(subject);
            assertThat(data.get("status").asInt()).isEqualTo(401);
            assertThat(data.get("route").asString()).isEqualTo("budget");
            assertThat(data.get("count").asLong()).isEqualTo(refused);
            assertThat(data.get("overflow").asBoolean()).isFalse();
            Instant start = Instant.parse(data.get("windowStart").asString());
            Instant end = Instant.parse(data.get("windowEnd").asString());
            assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMillis(WINDOW_MILLIS));
            assertThat(start.toEpochMilli() / WINDOW_MILLIS).isEqualTo(burst.window());
            List<String> samples = new ArrayList<>();
            data.get("sampleCorrelationIds").forEach(id -> samples.add(id.asString()));
            assertThat(samples).hasSize(3).isSubsetOf(burst.correlationIds());
            assertThat(event.getData().toString()).doesNotContain(burst.ip());
        });
    }

    @Test
    void publishesRateLimitRefusalsOfAUserWithTheUserAsSubjectAndActor() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < TEST_DEFAULT_LIMIT; i++) {
            client.get()
                    .uri(uniquePath())
                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        for (int i = 0; i < 2; i++) {
            client.get()
                    .uri(uniquePath())
                    .header(HttpHeaders.AUTHORIZATION, bearer(user))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
        }

        List<CloudEvent> events = eventsAbout(user.toString(), Duration.ofSeconds(3));

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(EventExtensions.actorId(event)).isEqualTo(user.toString());
            JsonNode data = JSON.readTree(event.getData().toBytes());
            assertThat(data.get("clientKey").asString()).isEqualTo("user:" + user);
            assertThat(data.get("status").asInt()).isEqualTo(429);
            assertThat(data.get("route").asString()).isEqualTo("budget");
        });
        assertThat(events.stream()
                        .mapToLong(event -> JSON.readTree(event.getData().toBytes())
                                .get("count")
                                .asLong())
                        .sum())
                .isEqualTo(2);
    }

    private record Burst(String ip, long window, List<String> correlationIds) {}

    private interface Requests {
        List<String> send(String ip);
    }

    /**
     * Sends the requests from a new client address right after a window began; if they still straddled
     * two windows (a slow machine), tries again with another address (at most three times).
     */
    private static Burst burstWithinOneWindow(Requests requests) {
        for (int attempt = 0; attempt < 3; attempt++) {
            awaitFreshWindow();
            String ip = newClientIp();
            long window = System.currentTimeMillis() / WINDOW_MILLIS;
            List<String> correlationIds = requests.send(ip);
            if (System.currentTimeMillis() / WINDOW_MILLIS == window) {
                return new Burst(ip, window, correlationIds);
            }
        }
        throw new AssertionError("could not send the requests within one window three times");
    }

    private static void awaitFreshWindow() {
        long intoWindow = System.currentTimeMillis() % WINDOW_MILLIS;
        if (intoWindow > 50) {
            sleep(WINDOW_MILLIS - intoWindow + 5);
        }
    }

    /**
     * Every event about the subject: waits until at least one has arrived, then for {@code settle}
     * more, so a second event (which must not exist) would also have arrived.
     */
    private List<CloudEvent> eventsAbout(String subject, Duration settle) {
        List<CloudEvent> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Predicate<CloudEvent> about = event -> subject.equals(event.getSubject());
        long deadline = System.nanoTime() + KafkaTestBroker.patience().toNanos();
        long settledAt = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settledAt)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                CloudEvent event = record.value();
                if (event != null && about.test(event) && ids.add(event.getId())) {
                    assertThat(record.key()).isEqualTo(subject);
                    found.add(event);
                    if (settledAt == Long.MAX_VALUE) {
                        settledAt = System.nanoTime() + settle.toNanos();
                    }
                }
            }
        }
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
