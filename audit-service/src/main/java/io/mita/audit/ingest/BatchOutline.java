package io.mita.audit.ingest;

import io.cloudevents.CloudEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the chain writer's transaction needs to know of a batch before its events are read and masked: the event ids
 * to look up among the stored ones and the subjects whose keys the sealing will need, taken straight from the
 * CloudEvents' attributes (no data parsed). It may name more than the batch will hold (a record the reader then
 * rejects); the writer looks up whatever it does not name once the events are there, so it is only ever a head start.
 */
record BatchOutline(Set<UUID> eventIds, Set<String> subjects) {

    /** The outline of records as Kafka delivered them; records the reader will reject may be left out or not. */
    static BatchOutline of(List<ConsumerRecord<String, CloudEvent>> records) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            if (event == null) {
                continue;
            }
            UUID id = uuidOrNull(event.getId());
            if (id != null) {
                ids.add(id);
            }
            String subject = event.getSubject();
            // a subject PostgreSQL's text cannot hold is the reader's to reject, never the key look-up's to fail on
            if (id != null && event.getData() != null && storable(subject)) {
                subjects.add(subject);
            }
        }
        return new BatchOutline(ids, subjects);
    }

    /** The outline of events already read: exactly their ids and the subjects of those with data. */
    static BatchOutline of(Iterable<IncomingAuditEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        for (IncomingAuditEvent event : events) {
            ids.add(event.eventId());
            if (event.dataJson() != null) {
                subjects.add(event.subject());
            }
        }
        return new BatchOutline(ids, subjects);
    }

    private static boolean storable(String subject) {
        return subject != null && !subject.isBlank() && subject.indexOf('\0') < 0;
    }

    private static UUID uuidOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
