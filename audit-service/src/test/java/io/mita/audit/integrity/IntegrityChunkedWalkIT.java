package io.mita.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.OwnerSql;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The integrity walk verifies chunks of the chain concurrently (here two links a chunk, three chunks at once, over
 * seven records: four chunks) and must still name the first broken record in seq order: a break in a later chunk is
 * found when the earlier ones are intact, the earlier of two breaks is the one named, and a break exactly at a chunk's
 * first link (its predecessor removed) is seen from the chunk before it. And the chunks are read without the
 * caller's Reactor context, so the driver does not set the caller's thread locals again for every row it reads.
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "mita.audit.integrity.digest-interval=100d",
            "mita.audit.integrity.walk-chunk-links=2",
            "mita.audit.integrity.walk-parallel-chunks=3"
        })
class IntegrityChunkedWalkIT {

    private static final int RECORDS = 7;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private IntegrityVerifier verifier;

    @Autowired
    private IntegrityStore store;

    @Value("${mita.service.database}")
    private String database;

    private OwnerSql owner;

    @BeforeEach
    void owner() {
        owner = new OwnerSql(database);
    }

    private AppendedBatch appendSeven() {
        return AppendedBatch.append(context, owner, RECORDS);
    }

    private IntegrityReport verify(AppendedBatch batch) {
        return batch.verifiedBy(verifier);
    }

    private void alter(UUID eventId) {
        owner.tamper("UPDATE audit_event SET data = '{\"n\": 99}'::jsonb WHERE event_id = ?", eventId);
    }

    @Test
    void anIntactLogIsVerifiedAcrossEveryChunk() {
        AppendedBatch batch = appendSeven();

        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isTrue();
        assertThat(report.recordsVerified()).isEqualTo(RECORDS);
        assertThat(report.firstSeq()).isEqualTo(seqOf(batch.ids().get(0)));
        assertThat(report.lastSeq()).isEqualTo(seqOf(batch.ids().get(RECORDS - 1)));
    }

    @Test
    void aBreakInALaterChunkIsNamedWhenTheEarlierChunksAreIntact() {
        AppendedBatch batch = appendSeven();
        UUID edited = batch.ids().get(4);

        alter(edited);
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenRecord().eventId()).isEqualTo(edited);
        assertThat(report.firstBrokenRecord().problem()).isEqualTo("ALTERED");
        assertThat(report.recordsVerified()).isEqualTo(4);
        assertThat(report.lastSeq()).isEqualTo(seqOf(batch.ids().get(3)));
    }

    @Test
    void ofTwoBreaksInDifferentChunksTheEarlierIsNamed() {
        AppendedBatch batch = appendSeven();
        UUID earlier = batch.ids().get(2);
        UUID later = batch.ids().get(5);

        alter(later);
        alter(earlier);
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenRecord().eventId()).isEqualTo(earlier);
        assertThat(report.firstBrokenRecord().problem()).isEqualTo("ALTERED");
        assertThat(report.recordsVerified()).isEqualTo(2);
    }

    @Test
    void aRecordRemovedWithItsLinkBeforeAChunkBreaksTheFirstLinkOfThatChunk() {
        AppendedBatch batch = appendSeven();
        UUID removed = batch.ids().get(2);

        owner.tamper("DELETE FROM audit_chain WHERE event_id = ?", removed);
        owner.tamper("DELETE FROM audit_event WHERE event_id = ?", removed);
        IntegrityReport report = verify(batch);

        // links left: 0 1 | 3 4 | 5 6; the second chunk starts at record 3, whose link follows the removed one
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenRecord().eventId()).isEqualTo(batch.ids().get(3));
        assertThat(report.firstBrokenRecord().problem()).isEqualTo("CHAIN_BROKEN");
        assertThat(report.recordsVerified()).isEqualTo(2);
    }

    @Test
    void aLongerWalkSetsTheCallersThreadLocalsNoMoreOftenThanAShortOne() {
        AppendedBatch shortLog = AppendedBatch.append(context, owner, 10);
        AppendedBatch longLog = AppendedBatch.append(context, owner, 110);
        int extraRecords = 100;

        try (ThreadLocalRestorations restorations = ThreadLocalRestorations.counted()) {
            // what the walk would pay without its own context: a read of the records under the caller's sets the
            // caller's thread locals at least once a row
            long firstSeq = seqOf(longLog.ids().get(0));
            long lastSeq = seqOf(longLog.ids().get(longLog.ids().size() - 1));
            store.records(firstSeq - 1, lastSeq)
                    .contextWrite(restorations.caller())
                    .block(Duration.ofSeconds(60));
            assertThat(restorations.takeCount())
                    .isGreaterThanOrEqualTo(longLog.ids().size());

            IntegrityReport shortWalk = verifyAsCaller(shortLog, restorations);
            long shortWalkRestorations = restorations.takeCount();
            IntegrityReport longWalk = verifyAsCaller(longLog, restorations);
            long longWalkRestorations = restorations.takeCount();

            assertThat(shortWalk.intact()).isTrue();
            assertThat(shortWalk.recordsVerified()).isEqualTo(10);
            assertThat(longWalk.intact()).isTrue();
            assertThat(longWalk.recordsVerified()).isEqualTo(110);
            // each record and each link read once under the caller's context would add at least 2 × 100
            assertThat(longWalkRestorations - shortWalkRestorations).isLessThan(extraRecords);
        }
    }

    private IntegrityReport verifyAsCaller(AppendedBatch batch, ThreadLocalRestorations restorations) {
        return verifier.verify(batch.from(), batch.to())
                .contextWrite(restorations.caller())
                .block(Duration.ofSeconds(60));
    }

    private long seqOf(UUID eventId) {
        return (Long) owner.scalar("SELECT seq FROM audit_event WHERE event_id = ?", eventId);
    }
}
