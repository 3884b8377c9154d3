package io.mita.auth.export;

import static io.mita.auth.export.DataExportFixtures.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.auth.OutboxEvents;
import io.mita.auth.export.DataExportFixtures.SignedInUser;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The export lease renewed while a build runs, on PostgreSQL with a lease of seconds and a stand-in service that
 * holds its answer longer than the lease: the build keeps its claim and is built once; a build whose claim another
 * worker took stops at its next renewal.
 */
@MitaIntegrationTest
class DataExportLeaseRenewalIT extends DataExportTestSupport {

    static final StandInDataServices SERVICES = new StandInDataServices();
    static final Duration LEASE = Duration.ofSeconds(4);

    @DynamicPropertySource
    static void shortLease(DynamicPropertyRegistry registry) {
        SERVICES.answerForEveryService(registry);
        registry.add("mita.auth.export.lease", () -> LEASE.toMillis() + "ms");
        registry.add("mita.auth.export.poll-interval", () -> "500ms");
        registry.add("mita.auth.export.timeout", () -> "60s");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }

    /** The claim on an export row as the database holds it. */
    record Claim(String claimedBy, Instant leaseUntil, int attempts) {}

    @Test
    void aBuildSlowerThanTheLeaseKeepsItsClaimAndIsBuiltOnce() {
        SignedInUser user = fixtures.aSignedInUser();
        String userId = user.id().toString();
        SERVICES.hold(userId);
        try {
            UUID exportId = fixtures.requestExport(user.token());
            Claim first = awaitClaimed(exportId);

            // the first lease is over and the row is still leased: renewed, by its first claim
            await().atMost(PATIENCE)
                    .until(() -> claimOf(exportId)
                            .leaseUntil()
                            .isAfter(first.leaseUntil().plus(LEASE)));
            assertThat(claimOf(exportId)).satisfies(still -> {
                assertThat(still.claimedBy()).isEqualTo(first.claimedBy());
                assertThat(still.attempts()).isEqualTo(1);
            });

            SERVICES.release(userId);
            fixtures.awaitStatus(user.token(), exportId, "READY");
        } finally {
            SERVICES.release(userId);
        }

        assertThat(SERVICES.receivedFor(userId))
                .as("each service asked once: one build")
                .extracting(StandInDataServices.Received::path)
                .containsExactlyInAnyOrderElementsOf(StandInDataServices.EXPORT_PATHS);
        assertThat(OutboxEvents.ofTypeAndSubject(db, DataExportCompleted.TYPE, userId))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("READY"));
    }

    @Test
    void aBuildWhoseClaimAnotherWorkerTookStopsAtItsNextRenewal() {
        SignedInUser user = fixtures.aSignedInUser();
        String userId = user.id().toString();
        SERVICES.hold(userId);
        try (LogLines worker = LogLines.of(DataExportWorker.class)) {
            UUID exportId = fixtures.requestExport(user.token());
            awaitClaimed(exportId);

            // what another worker's claim after a lost lease leaves
            db.sql("UPDATE data_export SET claimed_by = 'other-instance/1', lease_until = now() + interval '1 hour'"
                            + " WHERE id = :id")
                    .bind("id", exportId)
                    .then()
                    .block(PATIENCE);

            // stopped while the service still holds its answer: by the renewal, not by a write of the build
            await().atMost(PATIENCE)
                    .until(() -> worker.lines().stream()
                            .anyMatch(line -> line.getFormattedMessage()
                                    .equals("Export " + exportId
                                            + ": this worker's lease ran out and another claimed it; stopped")));
            assertThat(claimOf(exportId).claimedBy()).isEqualTo("other-instance/1");
        } finally {
            SERVICES.release(userId);
        }
    }

    private Claim awaitClaimed(UUID exportId) {
        await().atMost(PATIENCE).until(() -> claimOf(exportId).claimedBy() != null);
        return claimOf(exportId);
    }

    private Claim claimOf(UUID exportId) {
        return db.sql("SELECT claimed_by, lease_until, attempts FROM data_export WHERE id = :id")
                .bind("id", exportId)
                .map(row -> new Claim(
                        row.get("claimed_by", String.class),
                        row.get("lease_until", Instant.class),
                        row.get("attempts", Integer.class)))
                .one()
                .block(PATIENCE);
    }
}
