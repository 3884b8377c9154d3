package io.mita.audit.integrity;

import io.mita.audit.OwnerSql;
import io.mita.audit.ingest.TestAppender;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Records appended in one batch through the service's chain writer, and the time range {@code [from, to)} that holds
 * exactly them (read as the owner), for the integrity tests that tamper with them and verify that range.
 */
record AppendedBatch(List<UUID> ids, Instant from, Instant to) {

    static AppendedBatch append(ApplicationContext context, OwnerSql owner, int count) {
        String subject = "subject-" + UUID.randomUUID();
        List<UUID> ids = TestAppender.append(context, subject, count);
        Object[] range = owner.query(
                        "SELECT min(received_at), max(received_at) FROM audit_event WHERE subject = ?", subject)
                .get(0);
        return new AppendedBatch(ids, instant(range[0]), instant(range[1]).plusNanos(1000));
    }

    IntegrityReport verifiedBy(IntegrityVerifier verifier) {
        return verifier.verify(from, to).block(Duration.ofSeconds(60));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) timestamp).toInstant();
    }
}
