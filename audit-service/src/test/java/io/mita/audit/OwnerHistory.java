package io.mita.audit;

import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainedRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Older history written past the service, as the owner, into the log at a chosen {@code received_at} (the chain
 * writer only ever writes now): a record as PostgreSQL stored it, for the test to chain it.
 */
public final class OwnerHistory {

    private OwnerHistory() {}

    /** Inserts one record received at {@code receivedAt}; returns it as the chain hashes it. */
    public static ChainedRecord insert(OwnerSql owner, Instant receivedAt, String dataJson) {
        Object[] row = owner.query(
                        "INSERT INTO audit_event (event_id, source, type, subject, actor_id, occurred_at, received_at,"
                                + " topic, partition, kafka_offset, data) VALUES (?, '/mita/budget',"
                                + " 'mita.budget.transaction.created.v1', 'history', 'history', ?, ?, 'mita.budget.v1',"
                                + " 0, 1, ?::jsonb) RETURNING " + ChainedRecord.COLUMNS,
                        UUID.randomUUID(),
                        receivedAt.atOffset(ZoneOffset.UTC),
                        receivedAt.atOffset(ZoneOffset.UTC),
                        dataJson)
                .get(0);
        return record(row);
    }

    /**
     * Creates {@code month}'s partitions (as the owner) and appends {@code count} records received in it, each chained
     * to the chain's head exactly as the chain writer links records.
     */
    public static void appendChained(OwnerSql owner, YearMonth month, int count) {
        owner.scalar("SELECT audit_create_month_partition(?)", month.atDay(1));
        for (int i = 0; i < count; i++) {
            Instant receivedAt =
                    month.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(i);
            ChainedRecord record = insert(owner, receivedAt, "{\"amount\": \"12.50\", \"n\": " + i + "}");
            Object head = owner.scalar("SELECT encode(hash, 'hex') FROM audit_chain ORDER BY seq DESC LIMIT 1");
            byte[] previous =
                    head == null ? ChainHash.genesis() : HexFormat.of().parseHex((String) head);
            owner.execute(
                    "INSERT INTO audit_chain (seq, event_id, prev_hash, hash, received_at)"
                            + " VALUES (?, ?, decode(?, 'hex'), decode(?, 'hex'), ?)",
                    record.seq(),
                    record.eventId(),
                    ChainHash.hex(previous),
                    ChainHash.hex(ChainHash.next(previous, record)),
                    receivedAt.atOffset(ZoneOffset.UTC));
        }
    }

    /** A row selected (or returned) with {@link ChainedRecord#COLUMNS}, read over JDBC. */
    public static ChainedRecord record(Object[] row) {
        return new ChainedRecord(
                (Long) row[0],
                (UUID) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                instant(row[7]),
                instant(row[8]),
                (String) row[9],
                (Integer) row[10],
                (Long) row[11],
                (String) row[12],
                (String) row[13],
                (String) row[14]);
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) timestamp).toInstant();
    }
}
