package io.mita.ocr.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mita.ocr.image.TestImages;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The job table survives a crash: an expired lease is taken over, a back-off is respected. */
@MitaIntegrationTest
class OcrJobLeaseIT {

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Test
    void aJobWhoseWorkerDiedIsProcessedByTheNextWorkerOnceTheLeaseExpires() {
        JobStore store = new JobStore(database);
        long retriedBefore = retriedReads();
        byte[] image = TestImages.receipt("CORNER SHOP", "TOTAL 4.20");
        // claimed by a worker that died a minute ago (its lease ran out), first attempt spent
        UUID orphan = store.receipt(
                UUID.randomUUID(),
                image,
                "1, now() - interval '5 minutes', 'crashed-worker', now() - interval '1 minute'");
        // claimed by a worker that is still within its lease: not taken away from it
        UUID leased = store.receipt(
                UUID.randomUUID(), image, "1, now() - interval '5 minutes', 'busy-worker', now() + interval '1 hour'");
        // waiting for its back-off: not claimed before its time
        UUID later = store.receipt(UUID.randomUUID(), image, "1, now() + interval '1 hour', NULL, NULL");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(store.value("SELECT status FROM receipt WHERE id = '" + orphan + "'"))
                        .isEqualTo("PROCESSED"));

        // the takeover counts one attempt; a read that failed meanwhile (a Tesseract timeout on a loaded machine)
        // was retried with one more, and the pipeline's retried timer counts it
        long retriedMeanwhile = retriedReads() - retriedBefore;
        assertThat(store.value("SELECT status || '/' || attempts FROM ocr_job WHERE receipt_id = '" + orphan + "'"))
                .as("attempts after the takeover, with %d counted retry(ies) meanwhile", retriedMeanwhile)
                .isEqualTo("DONE/" + (2 + retriedMeanwhile));
        assertThat(store.value("SELECT fields->'total'->>'value' FROM receipt WHERE id = '" + orphan + "'"))
                .isEqualTo("4.20");
        assertThat(store.value(
                        "SELECT status || '/' || attempts || '/' || lease_owner FROM ocr_job WHERE receipt_id = '"
                                + leased + "'"))
                .isEqualTo("QUEUED/1/busy-worker");
        assertThat(store.value("SELECT status || '/' || attempts FROM ocr_job WHERE receipt_id = '" + later + "'"))
                .isEqualTo("QUEUED/1");
        assertThat(store.value(
                        "SELECT count(*) FROM outbox_event WHERE type = 'mita.ocr.receipt.processed.v1' AND subject = "
                                + "(SELECT user_id::text FROM receipt WHERE id = '" + orphan + "')"))
                .isEqualTo("1");
    }

    private long retriedReads() {
        Timer retried =
                meters.find("mita.ocr.processing").tag("outcome", "retried").timer();
        return retried == null ? 0 : retried.count();
    }
}
