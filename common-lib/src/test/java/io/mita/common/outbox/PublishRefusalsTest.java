package io.mita.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

class PublishRefusalsTest {

    private static final ProducerRecord<String, String> RECORD = new ProducerRecord<>("mita.t.v1", "k", "v");

    @Test
    void aRecordTooLargeASerialisationErrorOrARowWithoutAnEnvelopeIsRefusedForGood() {
        assertThat(PublishRefusals.isPermanent(new CompletionException(
                        new KafkaProducerException(RECORD, "failed", new RecordTooLargeException("1500000 bytes")))))
                .isTrue();
        assertThat(PublishRefusals.isPermanent(new SerializationException("cannot serialise")))
                .isTrue();
        assertThat(PublishRefusals.isPermanent(
                        new PublishRefusals.EnvelopeNotBuiltException(new IllegalArgumentException("bad uri"))))
                .isTrue();
    }

    @Test
    void aBrokerThatIsDownSlowOrMovingItsLeaderIsTransientAndSoIsAnythingUnknown() {
        assertThat(PublishRefusals.isPermanent(
                        new KafkaProducerException(RECORD, "failed", new TimeoutException("no metadata"))))
                .isFalse();
        assertThat(PublishRefusals.isPermanent(new NotLeaderOrFollowerException("moving")))
                .isFalse();
        assertThat(PublishRefusals.isPermanent(new IllegalStateException("producer closed")))
                .isFalse();
    }

    @Test
    void theStoredReasonIsTheInnermostCauseWithinFiveHundredCharacters() {
        String reason = PublishRefusals.reason(
                new KafkaProducerException(RECORD, "failed", new RecordTooLargeException("x".repeat(600))));
        assertThat(reason).startsWith("RecordTooLargeException: xxx").hasSize(500);
    }
}
