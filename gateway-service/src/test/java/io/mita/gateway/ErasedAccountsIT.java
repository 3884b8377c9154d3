package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.gateway.erasure.ErasedAccounts;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.TestEventProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A still-valid token of a user whose account auth-service erased is refused at the edge (401
 * {@code AUTH_ACCOUNT_ERASED}, never forwarded) once the gateway read {@code mita.auth.user.erased.v1} from the
 * test Kafka broker; other users pass, a malformed or old erasure refuses nobody, and the gateway reads without a
 * consumer group of its own (none is left on the broker when it stops).
 */
class ErasedAccountsIT extends GatewayTestSupport {

    private static final String TOPIC = "mita.auth.v1";
    private static final TestEventProducer EVENTS = new TestEventProducer();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @AfterAll
    static void closeProducer() {
        EVENTS.close();
    }

    @Autowired
    ErasedAccounts erasedAccounts;

    /**
     * The gateway reads the topic before a test asks it anything: it may have started before the topic existed (it
     * looks again every partition-refresh), and requests sent meanwhile would only spend the rate limit.
     */
    @BeforeEach
    void gatewayReadsTheTopic() {
        UUID probe = UUID.randomUUID();
        publishErasure(probe, Instant.now());
        await().atMost(PATIENCE).until(() -> erasedAccounts.contains(probe.toString()));
    }

    @Test
    void aValidTokenOfAnErasedUserIsRefusedAtTheEdgeAndNeverForwarded() {
        UUID erased = UUID.randomUUID();
        String token = bearer(erased);
        String before = uniquePath();
        client.get()
                .uri(before)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk();

        publishErasure(erased, Instant.now());

        String path = uniquePath();
        await().atMost(PATIENCE)
                .untilAsserted(() -> expectProblem(
                        client.get()
                                .uri(path)
                                .header(HttpHeaders.AUTHORIZATION, token)
                                .exchange(),
                        HttpStatus.UNAUTHORIZED,
                        "AUTH_ACCOUNT_ERASED"));
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void anotherUsersTokenStillPassesAfterAnErasure() {
        UUID erased = UUID.randomUUID();
        publishErasure(erased, Instant.now());
        String erasedPath = uniquePath();
        await().atMost(PATIENCE)
                .untilAsserted(() -> client.get()
                        .uri(erasedPath)
                        .header(HttpHeaders.AUTHORIZATION, bearer(erased))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized());

        client.get()
                .uri(uniquePath())
                .header(HttpHeaders.AUTHORIZATION, bearer(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aMalformedErasureOrOneOlderThanAnyValidTokenRefusesNobodyAndTheNextErasureStillCounts() {
        UUID old = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        EVENTS.publish(
                TOPIC,
                TestEventProducer.event(UUID.randomUUID(), "/mita/auth", "mita.auth.user.erased.v1", "x", "{\"no\":1"));
        publishErasure(old, Instant.now().minus(Duration.ofHours(1)));
        publishErasure(next, Instant.now());

        await().atMost(PATIENCE)
                .untilAsserted(() -> client.get()
                        .uri(uniquePath())
                        .header(HttpHeaders.AUTHORIZATION, bearer(next))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized());
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .untilAsserted(() -> client.get()
                        .uri(uniquePath())
                        .header(HttpHeaders.AUTHORIZATION, bearer(old))
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    @Test
    void theGatewayReadsErasuresWithoutJoiningAConsumerGroup() throws Exception {
        // it has read this test's probe erasure (gatewayReadsTheTopic)
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            assertThat(admin.listGroups().all().get())
                    .extracting(GroupListing::groupId)
                    .noneMatch(group -> group.startsWith("gateway-service"));
        }
    }

    private static void publishErasure(UUID userId, Instant erasedAt) {
        EVENTS.publish(
                TOPIC,
                TestEventProducer.event(
                        UUID.randomUUID(), "/mita/auth", "mita.auth.user.erased.v1", userId.toString(), """
                        {"userId":"%s","erasedAt":"%s","erasedBy":"SELF"}""".formatted(
                                        userId, erasedAt)));
    }
}
