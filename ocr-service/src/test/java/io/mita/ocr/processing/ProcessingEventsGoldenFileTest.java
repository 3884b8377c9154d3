package io.mita.ocr.processing;

import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The worker's payloads serialise to their golden files (docs/events/). */
class ProcessingEventsGoldenFileTest {

    @Test
    void theProcessedPayloadSerialisesToItsGoldenFile() {
        JsonNode golden = GoldenEvents.read(ProcessingPublisher.PROCESSED);
        ReceiptProcessed payload = new ReceiptProcessed(
                UUID.fromString(golden.get("receiptId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                "Lidl",
                LocalDate.of(2026, 1, 15),
                "23.47",
                "EUR",
                "groceries",
                0.871,
                Instant.parse("2026-01-15T18:02:41Z"));

        GoldenEvents.assertSerialisesTo(ProcessingPublisher.PROCESSED, payload);
    }

    @Test
    void theFailedPayloadSerialisesToItsGoldenFile() {
        JsonNode golden = GoldenEvents.read(ProcessingPublisher.FAILED);
        ReceiptFailed payload = new ReceiptFailed(
                UUID.fromString(golden.get("receiptId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                "TIMEOUT: tesseract took longer than PT30S and was stopped",
                3,
                Instant.parse("2026-01-15T18:09:12Z"));

        GoldenEvents.assertSerialisesTo(ProcessingPublisher.FAILED, payload);
    }
}
