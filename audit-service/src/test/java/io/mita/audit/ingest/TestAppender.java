package io.mita.audit.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Appends events through the service's own chain writer, without Kafka, for tests of what comes after ingest. */
public final class TestAppender {

    private TestAppender() {}

    /** Appends {@code count} events about {@code subject} in one batch; returns their ids in append order. */
    public static List<UUID> append(ApplicationContext context, String subject, int count) {
        List<IncomingAuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new IncomingAuditEvent(
                    UUID.randomUUID(),
                    "/mita/test",
                    "mita.test.thing.happened.v1",
                    subject,
                    subject,
                    UUID.randomUUID().toString(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS),
                    "mita.test.v1",
                    0,
                    i,
                    "{\"n\":" + i + "}",
                    List.of()));
        }
        context.getBean(AuditEventWriter.class).append(events).block(Duration.ofSeconds(30));
        return events.stream().map(IncomingAuditEvent::eventId).toList();
    }
}
