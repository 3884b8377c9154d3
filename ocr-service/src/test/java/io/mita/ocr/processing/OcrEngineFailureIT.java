package io.mita.ocr.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An engine that always fails (the command {@code false} in place of tesseract): each attempt is retried
 * with back-off, and after max-attempts the receipt is FAILED with the reason and a failed event.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            "mita.ocr.engine.binding=cli",
            "mita.ocr.engine.command=false",
            "mita.ocr.jobs.max-attempts=3",
            "mita.ocr.jobs.initial-back-off=300ms",
            "mita.ocr.jobs.poll-interval=100ms",
            "mita.ocr.breaker.minimum-calls=100",
            "mita.ocr.breaker.sliding-window=100"
        })
class OcrEngineFailureIT {

    @Autowired
    DatabaseClient database;

    @Test
    void aReceiptTheEngineCannotReadFailsAfterTheLastAttemptWithTheReason() {
        JobStore store = new JobStore(database);
        UUID id = store.receipt(UUID.randomUUID(), TestImages.receipt("TOTAL 1.00"), "0, now(), NULL, NULL");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(store.value("SELECT status FROM receipt WHERE id = '" + id + "'"))
                        .isEqualTo("FAILED"));

        assertThat(store.value("SELECT failure_reason FROM receipt WHERE id = '" + id + "'"))
                .startsWith("ENGINE_ERROR: tesseract exited with 1");
        assertThat(store.value("SELECT status || '/' || attempts FROM ocr_job WHERE receipt_id = '" + id + "'"))
                .isEqualTo("FAILED/3");
        assertThat(store.value("SELECT count(*) FROM outbox_event WHERE type = 'mita.ocr.receipt.failed.v1' "
                        + "AND data->>'receiptId' = '" + id + "'"))
                .isEqualTo("1");
    }
}
