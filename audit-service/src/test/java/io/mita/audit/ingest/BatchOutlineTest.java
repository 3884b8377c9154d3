package io.mita.audit.ingest;

import static io.mita.audit.AuditEventFixtures.aSubject;
import static io.mita.audit.AuditEventFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.audit.privacy.EmailHasher;
import io.mita.audit.privacy.EventMasker;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BatchOutlineTest {

    private final AuditEventReader reader = new AuditEventReader(
            JsonMapper.builder().build(),
            new EventMasker(new EmailHasher(Base64.getEncoder().encodeToString(new byte[32]))));

    @Test
    void theOutlineOfDeliveredRecordsNamesEveryIdAndEverySubjectWithDataThatTheReaderAccepts() {
        String withData = aSubject();
        String withoutData = aSubject();
        List<ConsumerRecord<String, CloudEvent>> records = records(
                anEvent(withData).build(),
                anEvent(withoutData).withoutData().build(),
                anEvent(withData).build());

        BatchOutline outline = BatchOutline.of(records);

        List<IncomingAuditEvent> read = records.stream().map(reader::read).toList();
        assertThat(outline.eventIds())
                .containsExactlyElementsOf(
                        read.stream().map(IncomingAuditEvent::eventId).toList());
        assertThat(outline.subjects()).containsExactly(withData);
        assertThat(outline).isEqualTo(BatchOutline.of(read));
    }

    @Test
    void recordsTheReaderWillRejectLeaveNothingTheDatabaseWouldRefuseInTheOutline() {
        UUID valid = UUID.randomUUID();
        List<ConsumerRecord<String, CloudEvent>> records = records(
                anEvent(aSubject()).withId("order-17").build(),
                anEvent("nul\0subject").build(),
                anEvent(aSubject()).withSubject(null).build(),
                anEvent(" ").build(),
                anEvent("kept").withId(valid.toString()).build());
        records.add(new ConsumerRecord<>("mita.test.v1", 0, records.size(), "key", null));

        BatchOutline outline = BatchOutline.of(records);

        assertThat(outline.eventIds()).hasSize(4).contains(valid);
        assertThat(outline.subjects()).containsExactly("kept");
    }

    private static List<ConsumerRecord<String, CloudEvent>> records(CloudEvent... events) {
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        for (CloudEvent event : events) {
            records.add(new ConsumerRecord<>("mita.test.v1", 0, records.size(), event.getSubject(), event));
        }
        return records;
    }
}
