package io.mita.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.OwnerHistory;
import io.mita.audit.OwnerSql;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainedRecord;
import io.mita.testsupport.PostgresTestDatabase;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V5 moves a log written by V1-V4 into the monthly partitions without changing a byte the chain covers: every row
 * lands in its month's partition with the same seq and received_at, every link keeps its hashes, the chain still
 * recomputes, the sequence continues, and the append-only triggers guard the partitions.
 */
class MonthlyPartitionMigrationIT {

    @Test
    void aLogWrittenBeforePartitioningIsMovedIntoItsMonthsWithItsChainIntact() {
        String database = PostgresTestDatabase.create("audit_v5");
        OwnerSql owner = new OwnerSql(database);
        migrate(database, "4");
        YearMonth march = YearMonth.of(2025, 3);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        byte[] head = ChainHash.genesis();
        for (Instant receivedAt : List.of(
                march.atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC),
                march.atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC),
                Instant.now().minusSeconds(60))) {
            head = appendAsV4(owner, receivedAt, head);
        }

        migrate(database, "latest");

        assertThat(owner.query("SELECT tableoid::regclass::text FROM audit_event ORDER BY seq"))
                .extracting(row -> row[0])
                .containsExactly(
                        "audit_event_y2025m03",
                        "audit_event_y2025m03",
                        String.format("audit_event_y%04dm%02d", thisMonth.getYear(), thisMonth.getMonthValue()));
        assertThat(owner.query("SELECT tableoid::regclass::text FROM audit_chain ORDER BY seq"))
                .extracting(row -> row[0])
                .containsExactly(
                        "audit_chain_y2025m03",
                        "audit_chain_y2025m03",
                        String.format("audit_chain_y%04dm%02d", thisMonth.getYear(), thisMonth.getMonthValue()));
        assertThat(recomputedHead(owner)).isEqualTo(ChainHash.hex(head));
        assertThat(owner.scalar("SELECT nextval('audit_event_seq_seq')")).isEqualTo(4L);
        assertThat(owner.scalar("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_event'::regclass"))
                .as("March, this month and the three after it")
                .isEqualTo(5L);
        assertThat(owner.scalar("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_event_y2025m03'::regclass"
                        + " AND NOT tgisinternal"))
                .as("the row trigger cloned from audit_event and the partition's own TRUNCATE guard")
                .isEqualTo(2L);
    }

    private static void migrate(String database, String target) {
        Flyway.configure()
                .dataSource(
                        PostgresTestDatabase.jdbcUrl(database),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password())
                .locations("classpath:db/mita-common", "classpath:db/migration")
                .outOfOrder(true)
                .target(target)
                .load()
                .migrate();
    }

    /** Appends one record and its link the way the chain writer did before V5. */
    private static byte[] appendAsV4(OwnerSql owner, Instant receivedAt, byte[] previous) {
        ChainedRecord record = OwnerHistory.insert(owner, receivedAt, "{\"n\": 1}");
        byte[] hash = ChainHash.next(previous, record);
        owner.execute(
                "INSERT INTO audit_chain (seq, event_id, prev_hash, hash) VALUES (?, ?, decode(?, 'hex'),"
                        + " decode(?, 'hex'))",
                record.seq(),
                record.eventId(),
                ChainHash.hex(previous),
                ChainHash.hex(hash));
        return hash;
    }

    private static String recomputedHead(OwnerSql owner) {
        byte[] head = ChainHash.genesis();
        for (Object[] row : owner.query("SELECT " + ChainedRecord.COLUMNS + " FROM audit_event ORDER BY seq")) {
            ChainedRecord record = OwnerHistory.record(row);
            String stored =
                    (String) owner.scalar("SELECT encode(hash, 'hex') FROM audit_chain WHERE seq = ?", record.seq());
            head = ChainHash.next(head, record);
            assertThat(stored).as("link of seq %s", record.seq()).isEqualTo(ChainHash.hex(head));
        }
        return HexFormat.of().formatHex(head);
    }
}
