package io.mita.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.audit.OwnerHistory;
import io.mita.audit.OwnerSql;
import io.mita.audit.ingest.TestAppender;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A month is dropped only after it verified: when a superuser has edited one of its records (triggers off), the
 * retention run stops at that month, writes no archive, records no cut, keeps both partitions, and counts a failure.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            // a database of its own that only this test writes into
            "spring.kafka.listener.auto-startup=false",
            "mita.audit.integrity.digest-interval=100d",
            "mita.audit.retention.retention=100d",
            "mita.audit.retention.first-run-delay=100d",
            "mita.audit.retention.interval=100d",
            "mita.audit.retention.archive-dir=target/retention-refusal-it"
        })
class RetentionRefusalIT {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ArchiveExpiredMonths retention;

    @Autowired
    private MeterRegistry meters;

    @Value("${mita.service.database}")
    private String database;

    @Value("${mita.audit.retention.archive-dir}")
    private String archiveDir;

    @Test
    void aMonthWhoseRecordWasEditedIsNeitherArchivedNorDropped() {
        OwnerSql owner = new OwnerSql(database);
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(6);
        OwnerHistory.appendChained(owner, month, 3);
        TestAppender.append(context, "still-here", 1);
        owner.tamper("UPDATE audit_event SET data = '{\"amount\": \"99.99\"}'::jsonb WHERE seq = 2");

        assertThatThrownBy(() -> retention.runOnce().block(Duration.ofSeconds(120)))
                .hasMessageContaining("month " + month + " not archived: its integrity check failed")
                .hasMessageContaining("ALTERED");

        for (String partition : RetentionStore.partitionNames(month)) {
            assertThat(owner.scalar("SELECT to_regclass(?)::text", partition))
                    .as(partition)
                    .isEqualTo(partition);
        }
        assertThat(owner.scalar("SELECT count(*) FROM audit_retention_cut")).isEqualTo(0L);
        assertThat(Files.exists(Path.of(archiveDir).resolve(ArchiveExpiredMonths.fileName(month, ".manifest.json"))))
                .isFalse();
        assertThat(meters.get(ArchiveExpiredMonths.FAILURES).counter().count()).isEqualTo(1.0);
    }
}
