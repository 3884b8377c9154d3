package io.mita.ocr.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.mita.ocr.image.TestImages;
import io.mita.testsupport.GoldenEvents;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Upload → real Tesseract in the worker → fields → confirm → events on mita.ocr.v1; duplicate and delete. */
@MitaIntegrationTest
class ReceiptPipelineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    private final UUID user = UUID.randomUUID();
    private KafkaConsumer<String, CloudEvent> consumer;

    @BeforeEach
    void subscribe() {
        consumer = KafkaTestBroker.consumer("ocr-pipeline-it");
        consumer.subscribe(List.of("mita.ocr.v1"));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void anUploadedReceiptIsReadConfirmedAndAnnounced() {
        byte[] image = TestImages.receipt(
                "CORNER SHOP",
                "Date: 15/01/2026 10:42",
                "MILK 1.45",
                "BREAD 2.30",
                "SUBTOTAL 3.75",
                "TOTAL 3.75",
                "CASH 5.00",
                "CHANGE 1.25");

        String id = upload(image)
                .expectStatus()
                .isAccepted()
                .returnResult(Map.class)
                .getResponseBody()
                .blockFirst()
                .get("receiptId")
                .toString();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(get(id).get("status").asString()).isEqualTo("PROCESSED"));
        JsonNode receipt = get(id);
        assertThat(receipt.at("/fields/total/value").asString()).isEqualTo("3.75");
        assertThat(receipt.at("/fields/date/value").asString()).isEqualTo("2026-01-15");
        assertThat(receipt.at("/fields/merchant/value").asString()).isEqualTo("CORNER SHOP");
        assertThat(receipt.at("/fields/total/confidence").asDouble()).isGreaterThan(0.5);
        assertThat(receipt.get("confidence").asDouble()).isGreaterThan(0.5);

        web.post()
                .uri(ReceiptController.PATH + "/" + id + "/confirm")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "groceries"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.confirmed.total")
                .isEqualTo("3.75");

        List<ConsumerRecord<String, CloudEvent>> events = eventsOfUser(3);
        assertThat(events)
                .extracting(r -> r.value().getType())
                .containsExactly(
                        "mita.ocr.receipt.uploaded.v1",
                        "mita.ocr.receipt.processed.v1",
                        "mita.ocr.receipt.confirmed.v1");
        for (ConsumerRecord<String, CloudEvent> record : events) {
            assertThat(record.key()).isEqualTo(user.toString());
            GoldenEvents.assertSerialisesToShapeOf(
                    record.value().getType(),
                    JSON.readTree(record.value().getData().toBytes()));
        }
        JsonNode confirmed = JSON.readTree(events.get(2).value().getData().toBytes());
        assertThat(confirmed.get("receiptId").asString()).isEqualTo(id);
        assertThat(confirmed.get("total").asString()).isEqualTo("3.75");
        assertThat(confirmed.get("category").asString()).isEqualTo("groceries");
    }

    @Test
    void theSameImageAgainIsTheSameReceiptAndDeletingRemovesTheImage() {
        byte[] image =
                TestImages.receipt("KIOSK", "TOTAL 1.99", UUID.randomUUID().toString());
        String id = upload(image)
                .expectStatus()
                .isAccepted()
                .returnResult(Map.class)
                .getResponseBody()
                .blockFirst()
                .get("receiptId")
                .toString();

        upload(image).expectStatus().isOk().expectBody().jsonPath("$.receiptId").isEqualTo(id);
        assertThat(count("SELECT count(*) AS n FROM receipt WHERE user_id = '" + user + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM receipt_image WHERE receipt_id = '" + id + "'"))
                .isEqualTo(1);
        assertThat(database.sql("SELECT sha256 FROM receipt WHERE id = '" + id + "'")
                        .map(row -> row.get("sha256", String.class))
                        .one()
                        .block())
                .isEqualTo(UploadReceipt.sha256(image));

        web.delete()
                .uri(ReceiptController.PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(count("SELECT count(*) AS n FROM receipt_image WHERE receipt_id = '" + id + "'"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM ocr_job WHERE receipt_id = '" + id + "'"))
                .isZero();
        web.get()
                .uri(ReceiptController.PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private WebTestClient.ResponseSpec upload(byte[] image) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(image) {
                    @Override
                    public String getFilename() {
                        return "receipt.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        return web.post()
                .uri(ReceiptController.PATH)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    private JsonNode get(String id) {
        byte[] body = web.get()
                .uri(ReceiptController.PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        return JSON.readTree(body);
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    private List<ConsumerRecord<String, CloudEvent>> eventsOfUser(int expected) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(KafkaTestBroker.patience());
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null
                        && user.toString().equals(record.value().getSubject())) {
                    found.add(record);
                }
            }
        }
        assertThat(found).as("events about user %s", user).hasSize(expected);
        return found;
    }
}
