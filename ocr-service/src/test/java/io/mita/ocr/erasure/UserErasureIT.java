package io.mita.ocr.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestEventProducer;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * auth-service's {@code user.erased} on the real topic deletes the user's receipts with their stored images and
 * jobs, and their events in the outbox, and nothing of anyone else's; the same event again changes nothing. The
 * worker is off so that the receipts stay as uploaded (what a job being read meanwhile does: docs/ocr.md). Afterwards
 * the tombstone refuses an upload with the user's still-valid access token (401 {@code AUTH_ACCOUNT_ERASED}).
 */
@MitaIntegrationTest
// a consumer group of this context alone: another cached context of the test JVM must not take the events
@TestPropertySource(properties = {"mita.ocr.jobs.enabled=false", "mita.erasure.consumer-group=ocr-erasure-it"})
class UserErasureIT {

    static final String TOPIC = "mita.auth.v1";
    static final TestEventProducer producer = new TestEventProducer();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void theErasedUsersReceiptsImagesJobsAndEventsGoOnceAndTheOtherUsersStay() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        for (UUID user : new UUID[] {erased, kept}) {
            upload(user, TestImages.jpeg(320, 480));
            upload(user, TestImages.png(300, 400));
        }
        assertThat(PersonalRows.perTable(database, erased)).containsEntry("receipt", 2L);
        UUID[] erasedReceipts = receipts(erased);
        assertThat(imagesAndJobs(erasedReceipts)).isEqualTo(4);
        assertThat(PersonalRows.inOutbox(database, erased)).isEqualTo(2);
        Map<String, Long> keptBefore = PersonalRows.perTable(database, kept);
        double erasures = meters.get(PersonalDataErasure.METRIC).counter().count();

        CloudEvent event = erasedEvent(UUID.randomUUID(), erased);
        producer.publish(TOPIC, event);
        producer.publish(TOPIC, event);
        // a later erasure on the same partition (same key): once it is done, both deliveries above have been handled
        UUID marker = UUID.randomUUID();
        producer.publish(TOPIC, erased.toString(), erasedEvent(marker, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> PersonalRows.processed(database, ErasurePlan.CONSUMER, marker));
        assertThat(PersonalRows.perTable(database, erased))
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(imagesAndJobs(erasedReceipts)).isZero();
        assertThat(PersonalRows.inOutbox(database, erased)).isZero();
        assertThat(PersonalRows.tombstoned(database, erased)).isTrue();
        assertThat(PersonalRows.perTable(database, kept)).isEqualTo(keptBefore).containsEntry("receipt", 2L);
        assertThat(imagesAndJobs(receipts(kept))).isEqualTo(4);
        assertThat(PersonalRows.inOutbox(database, kept)).isEqualTo(2);
        assertThat(meters.get(PersonalDataErasure.METRIC).counter().count()).isEqualTo(erasures + 2);
    }

    @Test
    void anUploadWithAnErasedUsersStillValidTokenIsRefusedAndStoresNothing() {
        UUID erased = UUID.randomUUID();
        upload(erased, TestImages.png(300, 400));
        UUID marker = UUID.randomUUID();
        producer.publish(TOPIC, erased.toString(), erasedEvent(marker, erased));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> PersonalRows.processed(database, ErasurePlan.CONSUMER, marker));

        post(erased, TestImages.jpeg(320, 480))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_ERASED");

        assertThat(PersonalRows.perTable(database, erased))
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(PersonalRows.inOutbox(database, erased)).isZero();
        upload(UUID.randomUUID(), TestImages.png(300, 400)); // anyone else still uploads
    }

    private void upload(UUID user, byte[] image) {
        post(user, image).expectStatus().isAccepted();
    }

    private WebTestClient.ResponseSpec post(UUID user, byte[] image) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(image) {
                    @Override
                    public String getFilename() {
                        return "receipt";
                    }
                })
                .contentType(image[0] == (byte) 0x89 ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG);
        return web.post()
                .uri("/api/ocr/receipts")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    private static CloudEvent erasedEvent(UUID eventId, UUID userId) {
        return TestEventProducer.event(
                eventId, "/mita/auth", "mita.auth.user.erased.v1", userId.toString(), """
                {"userId":"%s","erasedAt":"2026-11-30T10:15:30Z","erasedBy":"ADMIN"}""".formatted(userId));
    }

    private UUID[] receipts(UUID user) {
        return database.sql("SELECT id FROM receipt WHERE user_id = :user")
                .bind("user", user)
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10))
                .toArray(UUID[]::new);
    }

    /** The stored images and the jobs of these receipts, whoever they belong to now. */
    private long imagesAndJobs(UUID[] receipts) {
        return database.sql("""
                        SELECT (SELECT count(*) FROM receipt_image WHERE receipt_id = ANY(:ids))
                             + (SELECT count(*) FROM ocr_job WHERE receipt_id = ANY(:ids)) AS n""")
                .bind("ids", receipts)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }
}
