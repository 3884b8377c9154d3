package io.mita.budget.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** What the listener refuses for good (the error handler dead-letters it) and what it passes over. */
class ReceiptConfirmedListenerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ReceiptConfirmed> recorded = new ArrayList<>();
    private final ReceiptConfirmedListener listener = new ReceiptConfirmedListener(
            new EventPayloads(JSON), (eventId, receipt) -> Mono.fromSupplier(() -> recorded.add(receipt)));
    private final UUID user = UUID.randomUUID();

    @Test
    void aConfirmedReceiptIsRecorded() {
        listener.on(record(event(UUID.randomUUID().toString(), ReceiptConfirmed.TYPE, user.toString(), data())));

        assertThat(recorded)
                .singleElement()
                .satisfies(receipt -> assertThat(receipt.userId()).isEqualTo(user));
    }

    @Test
    void anotherTypeOnTheTopicIsPassedOver() {
        listener.on(
                record(event(UUID.randomUUID().toString(), "mita.ocr.receipt.processed.v1", user.toString(), data())));

        assertThat(recorded).isEmpty();
    }

    @Test
    void anEventIdThatIsNoUuidIsRefusedForGood() {
        assertThatThrownBy(
                        () -> listener.on(record(event("receipt-1", ReceiptConfirmed.TYPE, user.toString(), data()))))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("not a UUID");
        assertThat(recorded).isEmpty();
    }

    @Test
    void aSubjectOtherThanTheReceiptsUserIsRefusedForGood() {
        String stranger = UUID.randomUUID().toString();

        assertThatThrownBy(() -> listener.on(
                        record(event(UUID.randomUUID().toString(), ReceiptConfirmed.TYPE, stranger, data()))))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("subject");
        assertThat(recorded).isEmpty();
    }

    @Test
    void aReceiptWithoutUserOrReceiptIdIsRefusedForGood() {
        Map<String, Object> noUser = data();
        noUser.remove("userId");
        Map<String, Object> noReceipt = data();
        noReceipt.remove("receiptId");

        assertThatThrownBy(() -> listener.on(
                        record(event(UUID.randomUUID().toString(), ReceiptConfirmed.TYPE, user.toString(), noUser))))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("lacks userId");
        assertThatThrownBy(() -> listener.on(
                        record(event(UUID.randomUUID().toString(), ReceiptConfirmed.TYPE, user.toString(), noReceipt))))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("lacks receiptId");
    }

    @Test
    void anEventWithoutDataIsRefusedForGood() {
        CloudEvent empty = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/mita/ocr"))
                .withType(ReceiptConfirmed.TYPE)
                .withSubject(user.toString())
                .build();

        assertThatThrownBy(() -> listener.on(record(empty))).isInstanceOf(NonRetryableEventException.class);
    }

    private Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptId", UUID.randomUUID().toString());
        data.put("userId", user.toString());
        data.put("merchant", "Lidl");
        data.put("occurredOn", "2026-01-15");
        data.put("total", "23.47");
        data.put("currency", "EUR");
        data.put("category", "groceries");
        return data;
    }

    private static CloudEvent event(String id, String type, String subject, Map<String, Object> data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/mita/ocr"))
                .withType(type)
                .withSubject(subject)
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
    }

    private static ConsumerRecord<String, CloudEvent> record(CloudEvent event) {
        return new ConsumerRecord<>("mita.ocr.v1", 0, 0L, event.getSubject(), event);
    }
}
