package io.mita.audit;

import static io.mita.audit.AuditEventFixtures.TEST_TOPIC;
import static io.mita.audit.AuditEventFixtures.aSubject;
import static io.mita.audit.AuditEventFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Erasure per person (GDPR Art. 17) by crypto-shredding, end to end through Kafka: the data of a user's events is
 * stored only sealed with their key; {@code mita.auth.user.erased.v1} (contracts.md #2, published here as
 * auth-service would) destroys the key, after which nothing of theirs is readable, not even found by e-mail, while
 * the events still show that they happened and the chain still verifies.
 */
@MitaIntegrationTest
class CryptoShreddingIT {

    static final String AUTH_TOPIC = "mita.auth.v1";

    private static TestEventPublisher publisher;

    @Autowired
    private WebTestClient web;

    @Value("${mita.service.database}")
    private String database;

    @BeforeAll
    static void topics() throws Exception {
        publisher = TestEventPublisher.forTopics(TEST_TOPIC, AUTH_TOPIC);
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    private AuditApi compliance() {
        return new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"));
    }

    private static CloudEvent withEmail(String subject, String email) {
        return anEvent(subject)
                .withData(
                        "application/json",
                        ("{\"email\":\"" + email + "\",\"plan\":\"monthly\"}").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void anErasedUsersEventsKeepTheirTypeAndTimeButNothingOfTheirsIsReadableAndTheChainStillVerifies()
            throws Exception {
        String user = aSubject();
        String email = "erase." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        publisher.publish(TEST_TOPIC, withEmail(user, email), withEmail(user, email));
        AuditApi.Page before = compliance().awaitSearch("subject=" + user, 2);
        OwnerSql owner = new OwnerSql(database);

        assertThat(before.items()).allSatisfy(item -> {
            assertThat(item.data()).containsEntry("email", "e***@example.com").containsEntry("plan", "monthly");
            assertThat(item.personalDataErased()).isFalse();
        });
        assertThat(owner.scalar(
                        "SELECT count(*) FROM audit_event WHERE subject = ? AND data IS NULL AND sealed_data IS NOT NULL",
                        user))
                .as("stored sealed, never in clear")
                .isEqualTo(2L);

        CloudEvent erased = anEvent(user)
                .withSource(URI.create("/mita/auth-service"))
                .withType("mita.auth.user.erased.v1")
                .withData(
                        "application/json",
                        ("{\"userId\":\"" + user + "\",\"erasedAt\":\"2026-11-30T12:00:00Z\",\"erasedBy\":\"SELF\"}")
                                .getBytes(StandardCharsets.UTF_8))
                .build();
        publisher.publish(AUTH_TOPIC, erased);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> (Long) owner.scalar("SELECT count(*) FROM subject_erasure WHERE subject = ?", user) == 1L);

        assertThat(owner.scalar("SELECT count(*) FROM subject_key WHERE subject = ?", user))
                .as("the key is destroyed")
                .isEqualTo(0L);
        assertThat(owner.scalar("SELECT erased_by FROM subject_erasure WHERE subject = ?", user))
                .isEqualTo("SELF");
        AuditApi.Page after = compliance().search("subject=" + user);
        assertThat(after.items()).hasSize(3).allSatisfy(item -> {
            assertThat(item.data()).isNull();
            assertThat(item.personalDataErased()).isTrue();
            assertThat(item.occurredAt()).isNotNull();
        });
        assertThat(after.items().get(0).type()).isEqualTo("mita.auth.user.erased.v1");
        AuditApi.Page byEmail = compliance().search("email=" + email);
        assertThat(byEmail.eventIds()).hasSize(2);
        assertThat(byEmail.items()).allSatisfy(item -> assertThat(item.data()).isNull());
        assertThat(compliance().get(before.items().get(0).eventId()).data()).isNull();

        // an event about the erased user that arrives later is stored without its data, under no new key
        CloudEvent late = withEmail(user, email);
        publisher.publish(TEST_TOPIC, late);
        compliance().awaitSearch("subject=" + user, 4);
        assertThat(compliance().get(UUID.fromString(late.getId())).personalDataErased())
                .isTrue();
        assertThat(owner.scalar("SELECT count(*) FROM subject_key WHERE subject = ?", user))
                .isEqualTo(0L);
        assertThat(owner.scalar(
                        "SELECT count(*) FROM audit_event WHERE event_id = ?::uuid AND sealed_data IS NULL"
                                + " AND data IS NULL",
                        late.getId()))
                .isEqualTo(1L);

        compliance().expectIntactLog();
    }

    @Test
    void anotherUsersDataStaysReadableWhenSomeoneIsErased() throws Exception {
        String kept = aSubject();
        String gone = aSubject();
        publisher.publish(TEST_TOPIC, withEmail(kept, "kept@example.com"), withEmail(gone, "gone@example.com"));
        compliance().awaitSearch("subject=" + kept, 1);
        compliance().awaitSearch("subject=" + gone, 1);

        publisher.publish(
                AUTH_TOPIC,
                anEvent(gone)
                        .withSource(URI.create("/mita/auth-service"))
                        .withType("mita.auth.user.erased.v1")
                        .withData(
                                "application/json",
                                ("{\"userId\":\"" + gone + "\",\"erasedAt\":\"2026-11-30T12:00:00Z\","
                                                + "\"erasedBy\":\"ADMIN\"}")
                                        .getBytes(StandardCharsets.UTF_8))
                        .build());
        compliance().awaitSearch("subject=" + gone, 2);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> compliance().search("subject=" + gone).items().stream()
                        .allMatch(AuditApi.Item::personalDataErased));

        assertThat(compliance().search("subject=" + kept).items().get(0).data())
                .containsEntry("email", "k***@example.com");
    }
}
