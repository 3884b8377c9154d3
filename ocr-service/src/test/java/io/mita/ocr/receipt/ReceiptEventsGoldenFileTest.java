package io.mita.ocr.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The upload and confirmation payloads serialise to their golden files (docs/events/). */
class ReceiptEventsGoldenFileTest {

    @Test
    void theConfirmationOfAReadReceiptSerialisesToTheAgreedGoldenFile() {
        JsonNode golden = GoldenEvents.read(ReceiptPublisher.CONFIRMED);
        UUID id = UUID.fromString(golden.get("receiptId").asString());
        UUID user = UUID.fromString(golden.get("userId").asString());
        InMemoryReceipts receipts = new InMemoryReceipts();
        receipts.put(ReceiptFixtures.aProcessedReceipt(id, user));
        RecordingOutbox outbox = new RecordingOutbox();
        ReceiptService service = new ReceiptService(
                receipts,
                new ReceiptPublisher(outbox),
                new InlineTransactions(),
                Clock.fixed(Instant.parse("2026-01-15T18:04:11.734Z"), ZoneOffset.UTC));

        service.confirm(id, user, null).block();

        assertThat(outbox.appended()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("mita.ocr.receipt.confirmed.v1");
            assertThat(event.subject()).isEqualTo(user.toString());
            GoldenEvents.assertSerialisesTo(ReceiptPublisher.CONFIRMED, (ReceiptConfirmed) event.data());
        });
    }

    @Test
    void theUploadSerialisesToItsGoldenFile() {
        JsonNode golden = GoldenEvents.read(ReceiptPublisher.UPLOADED);
        Receipt receipt = new Receipt(
                UUID.fromString(golden.get("receiptId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                ReceiptStatus.PENDING,
                "image/jpeg",
                482113,
                golden.get("sha256").asString(),
                1200,
                2600,
                null,
                null,
                null,
                Instant.parse("2026-01-15T18:02:37Z"),
                null,
                null,
                null);

        GoldenEvents.assertSerialisesTo(ReceiptPublisher.UPLOADED, ReceiptUploaded.of(receipt));
    }
}
