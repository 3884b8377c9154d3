package io.mita.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.audit.AuditApi;
import io.mita.audit.OwnerHistory;
import io.mita.audit.OwnerSql;
import io.mita.audit.ingest.TestAppender;
import io.mita.audit.trail.ArchiveTrail;
import io.mita.audit.trail.LogArchived;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Retention against the real PostgreSQL, with a short retention (100 days): records received six and five months
 * ago (history loaded by the owner into those months' partitions, chained like the service chains) are archived,
 * verified offline with only the files and the public key, and their partitions dropped; the records of this month
 * stay, and the integrity check over what is left still passes, starting from the signed cut-off anchor.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            // a database of its own that only this test writes into
            "spring.kafka.listener.auto-startup=false",
            "mita.audit.integrity.digest-interval=100d",
            "mita.audit.retention.retention=100d",
            "mita.audit.retention.first-run-delay=100d",
            "mita.audit.retention.interval=100d"
        })
class RetentionIT {

    private static final Path ARCHIVES = temporaryDirectory();

    @DynamicPropertySource
    static void archiveDirectory(DynamicPropertyRegistry registry) {
        registry.add("mita.audit.retention.archive-dir", ARCHIVES::toString);
    }

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ArchiveExpiredMonths retention;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private WebTestClient web;

    @Value("${mita.service.database}")
    private String database;

    @Value("${mita.audit.integrity.signing-public-key}")
    private String publicKey;

    @Test
    void expiredMonthsAreArchivedVerifiedAndDroppedWhatIsLeftStillVerifiesAndTheAnchorCannotBeForged() {
        OwnerSql owner = new OwnerSql(database);
        YearMonth sixMonthsAgo = YearMonth.now(ZoneOffset.UTC).minusMonths(6);
        YearMonth fiveMonthsAgo = sixMonthsAgo.plusMonths(1);
        // older history, written by the owner into those months' partitions (the service only ever writes now)
        OwnerHistory.appendChained(owner, sixMonthsAgo, 3);
        OwnerHistory.appendChained(owner, fiveMonthsAgo, 2);
        List<UUID> kept = TestAppender.append(context, "still-here", 2);

        List<LogArchived> archived = retention.runOnce().block(Duration.ofSeconds(120));

        assertThat(archived)
                .extracting(LogArchived::month)
                .containsExactly(sixMonthsAgo.toString(), fiveMonthsAgo.toString());
        assertThat(archived).extracting(LogArchived::records).containsExactly(3L, 2L);
        for (YearMonth month : List.of(sixMonthsAgo, fiveMonthsAgo)) {
            assertThat(verifyOffline(month)).as("offline check of %s", month).contains("INTACT");
            for (String partition : RetentionStore.partitionNames(month)) {
                assertThat(owner.scalar("SELECT to_regclass(?)::text", partition))
                        .as(partition)
                        .isNull();
            }
        }
        assertThat(owner.scalar("SELECT count(*) FROM audit_event WHERE received_at < date_trunc('month', now())"))
                .isEqualTo(0L);
        assertThat(owner.scalar("SELECT count(*) FROM audit_event WHERE event_id = ANY(?::uuid[])", (Object)
                        kept.stream().map(UUID::toString).toArray(String[]::new)))
                .isEqualTo(2L);
        assertThat(owner.scalar("SELECT count(*) FROM audit_retention_cut")).isEqualTo(2L);
        assertThat(owner.scalar("SELECT count(*) FROM audit_event WHERE type = ?", ArchiveTrail.TYPE))
                .as("one %s record per month", ArchiveTrail.TYPE)
                .isEqualTo(2L);
        assertThat(meters.get(ArchiveExpiredMonths.ARCHIVES).counter().count()).isEqualTo(2.0);
        assertThat(meters.get(ArchiveExpiredMonths.ARCHIVED_ROWS).counter().count())
                .isEqualTo(5.0);

        Map<?, ?> report = integrity();
        assertThat(report.get("intact"))
                .as("integrity after the cut: %s", report)
                .isEqualTo(true);
        assertThat(((Number) report.get("recordsVerified")).longValue())
                .as("this month's records, the two archive records and this check's own access record")
                .isEqualTo(5L);
        assertThat(retention.runOnce().block(Duration.ofSeconds(60)))
                .as("a second run")
                .isEmpty();

        // the anchor is signed: a superuser who edits it is named by the check
        owner.tamper(
                "UPDATE audit_retention_cut SET record_count = record_count + 1 WHERE month = ?",
                fiveMonthsAgo.atDay(1));
        Map<?, ?> forged = integrity();
        owner.tamper(
                "UPDATE audit_retention_cut SET record_count = record_count - 1 WHERE month = ?",
                fiveMonthsAgo.atDay(1));
        assertThat(forged.get("intact")).isEqualTo(false);
        assertThat(((Map<?, ?>) forged.get("firstBrokenRecord")).get("problem")).isEqualTo("CUT_NOT_SIGNED");
    }

    private Map<?, ?> integrity() {
        return new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"))
                .call("/api/audit/integrity")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private String verifyOffline(YearMonth month) {
        try {
            Path key = Files.writeString(
                    Files.createTempFile(ARCHIVES, "public-key", ".pem"),
                    "-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n-----END PUBLIC KEY-----\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int exit = VerifyArchive.run(
                    new String[] {
                        ARCHIVES.resolve(ArchiveExpiredMonths.fileName(month, ".ndjson.gz"))
                                .toString(),
                        ARCHIVES.resolve(ArchiveExpiredMonths.fileName(month, ".manifest.json"))
                                .toString(),
                        key.toString()
                    },
                    print,
                    print);
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("audit-archive-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
