package io.mita.audit.retention;

import io.mita.audit.chain.ChainCut;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainedRecord;
import io.mita.audit.chain.ChainedRecords;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The monthly partitions and the retention cuts as the retention job sees them. Partitions are created and dropped
 * only through the owner's functions (V5); the service role runs no DDL.
 */
@Repository
class RetentionStore {

    private static final Pattern PARTITION = Pattern.compile("audit_event_y(\\d{4})m(\\d{2})");

    /** A month's records: seq range (both {@code null} when none) and count. */
    record MonthRecords(Long firstSeq, Long lastSeq, long count) {}

    private final DatabaseClient databaseClient;

    RetentionStore(DatabaseClient databaseClient) {
        this.databaseClient = databaseClient;
    }

    /** Creates the partitions of this month and the next {@code ahead} months if missing; how many were new. */
    Mono<Integer> ensurePartitions(int ahead) {
        return databaseClient
                .sql("SELECT audit_ensure_partitions(:ahead) AS created")
                .bind("ahead", ahead)
                .map(row -> row.get("created", Integer.class))
                .one();
    }

    /** The months that have a partition, oldest first. */
    Flux<YearMonth> months() {
        return databaseClient
                .sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname")
                .map(row -> row.get("relname", String.class))
                .all()
                .mapNotNull(name -> {
                    Matcher month = PARTITION.matcher(name);
                    return month.matches()
                            ? YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))
                            : null;
                });
    }

    Mono<MonthRecords> records(Instant from, Instant to) {
        return databaseClient
                .sql("SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM audit_event"
                        + " WHERE received_at >= :from AND received_at < :to")
                .bind("from", from)
                .bind("to", to)
                .map(row -> new MonthRecords(
                        row.get("lo", Long.class), row.get("hi", Long.class), row.get("n", Long.class)))
                .one();
    }

    /** The lowest seq received at or after {@code from}, if any: it must come after every seq of the month before. */
    Mono<Optional<Long>> firstSeqFrom(Instant from) {
        return databaseClient
                .sql("SELECT min(seq) AS lo FROM audit_event WHERE received_at >= :from")
                .bind("from", from)
                .map(row -> Optional.ofNullable(row.get("lo", Long.class)))
                .one();
    }

    /** Up to {@code limit} records of [from, to) after {@code afterSeq}, in seq order, each with its chain link. */
    Mono<List<ArchiveLine>> lines(Instant from, Instant to, long afterSeq, int limit) {
        return databaseClient
                .sql("SELECT r.*, encode(c.prev_hash, 'hex') AS prev_hash, encode(c.hash, 'hex') AS hash FROM"
                        + " (SELECT " + ChainedRecord.COLUMNS + " FROM audit_event"
                        + " WHERE received_at >= :from AND received_at < :to AND seq > :after ORDER BY seq LIMIT :limit) r"
                        + " LEFT JOIN audit_chain c ON c.seq = r.seq AND c.received_at >= :from AND c.received_at < :to"
                        + " ORDER BY r.seq")
                .bind("from", from)
                .bind("to", to)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(row -> {
                    String prev = row.get("prev_hash", String.class);
                    String hash = row.get("hash", String.class);
                    ChainedRecord record = ChainedRecords.read(row);
                    if (prev == null || hash == null) {
                        throw new IllegalStateException("the record at seq " + record.seq() + " has no chain link");
                    }
                    return ArchiveLine.of(
                            record,
                            HexFormat.of().parseHex(prev),
                            HexFormat.of().parseHex(hash));
                })
                .all()
                .collectList();
    }

    /** The chain link (prev_hash, hash) at {@code seq}, as the database holds it. */
    Mono<byte[][]> link(long seq) {
        return databaseClient
                .sql("SELECT encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash FROM audit_chain"
                        + " WHERE seq = :seq")
                .bind("seq", seq)
                .map(row -> new byte[][] {
                    HexFormat.of().parseHex(row.get("prev_hash", String.class)),
                    HexFormat.of().parseHex(row.get("hash", String.class))
                })
                .one();
    }

    /** Where the chain stands before the oldest stored month: the newest cut's last hash, else the beginning. */
    Mono<byte[]> anchorHash() {
        return databaseClient
                .sql("SELECT encode(last_hash, 'hex') AS last_hash FROM audit_retention_cut"
                        + " WHERE last_seq IS NOT NULL ORDER BY last_seq DESC LIMIT 1")
                .map(row -> HexFormat.of().parseHex(row.get("last_hash", String.class)))
                .one()
                .defaultIfEmpty(ChainHash.genesis());
    }

    Mono<Void> recordCut(ChainCut cut, byte[] signature, String archiveFile) {
        DatabaseClient.GenericExecuteSpec spec = databaseClient
                .sql("""
                        INSERT INTO audit_retention_cut (month, first_seq, last_seq, record_count, previous_hash,
                                                         last_hash, archive_file, archive_sha256, key_id, signature)
                        VALUES (:month, :firstSeq, :lastSeq, :count, decode(:previousHash, 'hex'),
                                decode(:lastHash, 'hex'), :archiveFile, decode(:sha256, 'hex'), :keyId,
                                decode(:signature, 'hex'))""")
                .bind("month", YearMonth.parse(cut.month()).atDay(1))
                .bind("count", cut.recordCount())
                .bind("previousHash", ChainHash.hex(cut.previousHash()))
                .bind("lastHash", ChainHash.hex(cut.lastHash()))
                .bind("archiveFile", archiveFile)
                .bind("sha256", ChainHash.hex(cut.archiveSha256()))
                .bind("keyId", cut.keyId())
                .bind("signature", ChainHash.hex(signature));
        spec = cut.firstSeq() == null ? spec.bindNull("firstSeq", Long.class) : spec.bind("firstSeq", cut.firstSeq());
        spec = cut.lastSeq() == null ? spec.bindNull("lastSeq", Long.class) : spec.bind("lastSeq", cut.lastSeq());
        return spec.fetch().rowsUpdated().then();
    }

    /** Drops the month's two partitions through the owner's function, which checks the recorded cut first. */
    Mono<Void> dropMonth(YearMonth month) {
        return databaseClient
                .sql("SELECT 1 AS dropped FROM (SELECT audit_drop_archived_month(:month)) AS d")
                .bind("month", month.atDay(1))
                .map(row -> row.get("dropped", Integer.class))
                .one()
                .then();
    }

    static List<String> partitionNames(YearMonth month) {
        String suffix = String.format("_y%04dm%02d", month.getYear(), month.getMonthValue());
        return List.of("audit_event" + suffix, "audit_chain" + suffix);
    }
}
