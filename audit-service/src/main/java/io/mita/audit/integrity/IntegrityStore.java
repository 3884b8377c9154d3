package io.mita.audit.integrity;

import io.mita.audit.chain.Bytea;
import io.mita.audit.chain.ChainCut;
import io.mita.audit.chain.ChainLock;
import io.mita.audit.chain.ChainedRecord;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The chain, the log and the digests as the signer and the verifier read them. Hashes, signatures and canonical
 * bytes are one representation end to end: {@code bytea} in storage and in SQL (no {@code encode}/{@code decode}),
 * {@code byte[]} in Java (read by {@link Bytea#read}, bound as {@code byte[]}); how the driver carries a
 * {@code bytea} on the wire is its own business.
 */
@Repository
class IntegrityStore {

    private static final String DIGEST_COLUMNS = "digest_id, period_start, period_end, first_seq, last_seq, "
            + "event_count, last_hash, previous_signature, key_id, signature";

    record ChainLink(long seq, UUID eventId, byte[] prevHash, byte[] hash) {}

    record ChainHead(long seq, byte[] hash) {}

    private final DatabaseClient databaseClient;

    IntegrityStore(DatabaseClient databaseClient) {
        this.databaseClient = databaseClient;
    }

    Mono<Void> lockChain() {
        return databaseClient.sql(ChainLock.ACQUIRE).fetch().rowsUpdated().then();
    }

    Mono<ChainHead> chainHead() {
        return databaseClient
                .sql(ChainLock.HEAD)
                .map(row -> new ChainHead(row.get("seq", Long.class), Bytea.read(row, "hash")))
                .one();
    }

    Mono<Digest> lastDigest() {
        return databaseClient
                .sql("SELECT " + DIGEST_COLUMNS + " FROM audit_digest ORDER BY digest_id DESC LIMIT 1")
                .map(IntegrityStore::toDigest)
                .one();
    }

    Mono<Digest> digestBefore(long digestId) {
        return databaseClient
                .sql("SELECT " + DIGEST_COLUMNS
                        + " FROM audit_digest WHERE digest_id < :id ORDER BY digest_id DESC LIMIT 1")
                .bind("id", digestId)
                .map(IntegrityStore::toDigest)
                .one();
    }

    /**
     * Digests whose period overlaps [from, to) ({@code null} = open), and the first one that ends at or after
     * {@code to} (it seals the end of the range), oldest first.
     */
    Flux<Digest> digests(Instant from, Instant to) {
        return databaseClient
                .sql("SELECT " + DIGEST_COLUMNS + " FROM audit_digest WHERE period_end > :from AND (period_start < :to"
                        + " OR digest_id = (SELECT min(digest_id) FROM audit_digest WHERE period_end >= :to))"
                        + " ORDER BY digest_id")
                .bind("from", from == null ? Instant.EPOCH : from)
                .bind("to", to == null ? Instant.parse("9999-12-31T00:00:00Z") : to)
                .map(IntegrityStore::toDigest)
                .all();
    }

    /** Digests whose head lies in [firstSeq, lastSeq], and the first one beyond it, oldest first. */
    Flux<Digest> digestsCovering(long firstSeq, long lastSeq) {
        return databaseClient
                .sql("SELECT " + DIGEST_COLUMNS + " FROM audit_digest WHERE (last_seq >= :first AND last_seq <= :last)"
                        + " OR digest_id = (SELECT min(digest_id) FROM audit_digest WHERE last_seq > :last)"
                        + " ORDER BY digest_id")
                .bind("first", firstSeq)
                .bind("last", lastSeq)
                .map(IntegrityStore::toDigest)
                .all();
    }

    Mono<Digest> insert(Digest digest) {
        DatabaseClient.GenericExecuteSpec spec = databaseClient
                .sql("""
                        INSERT INTO audit_digest (period_start, period_end, first_seq, last_seq, event_count,
                                                  last_hash, previous_signature, key_id, signature)
                        VALUES (:periodStart, :periodEnd, :firstSeq, :lastSeq, :eventCount, :lastHash,
                                :previousSignature, :keyId, :signature)
                        RETURNING digest_id""")
                .bind("periodStart", digest.periodStart())
                .bind("periodEnd", digest.periodEnd())
                .bind("eventCount", digest.eventCount())
                .bind("lastHash", digest.lastHash())
                .bind("keyId", digest.keyId())
                .bind("signature", digest.signature());
        spec = digest.firstSeq() == null
                ? spec.bindNull("firstSeq", Long.class)
                : spec.bind("firstSeq", digest.firstSeq());
        spec = digest.lastSeq() == null ? spec.bindNull("lastSeq", Long.class) : spec.bind("lastSeq", digest.lastSeq());
        spec = digest.previousSignature() == null
                ? spec.bindNull("previousSignature", byte[].class)
                : spec.bind("previousSignature", digest.previousSignature());
        return spec.map(row -> row.get("digest_id", Long.class)).one().map(id -> digest.signed(id, digest.signature()));
    }

    /** How many chain rows lie in (afterSeq, lastSeq], and the first of them. */
    Mono<long[]> chainRows(long afterSeq, long lastSeq) {
        return databaseClient
                .sql("SELECT count(*) AS n, coalesce(min(seq), 0) AS first FROM audit_chain"
                        + " WHERE seq > :after AND seq <= :last")
                .bind("after", afterSeq)
                .bind("last", lastSeq)
                .map(row -> new long[] {row.get("n", Long.class), row.get("first", Long.class)})
                .one();
    }

    /** The seq of the {@code n}-th chain link after {@code afterSeq}, up to {@code lastSeq}; empty if there are fewer. */
    Mono<Long> nthLinkAfter(long afterSeq, long lastSeq, int n) {
        return databaseClient
                .sql(
                        "SELECT seq FROM audit_chain WHERE seq > :after AND seq <= :last ORDER BY seq OFFSET :skip LIMIT 1")
                .bind("after", afterSeq)
                .bind("last", lastSeq)
                .bind("skip", n - 1)
                .map(row -> row.get("seq", Long.class))
                .one();
    }

    Mono<byte[]> chainHashAt(long seq) {
        return databaseClient
                .sql("SELECT hash FROM audit_chain WHERE seq = :seq LIMIT 1")
                .bind("seq", seq)
                .map(row -> Bytea.read(row, "hash"))
                .one();
    }

    /** A retention cut as stored: the anchor and its signature. */
    record StoredCut(ChainCut cut, byte[] signature) {}

    /** The newest retention cut that holds records: the chain resumes after its last record. */
    Mono<StoredCut> latestCut() {
        return databaseClient
                .sql("SELECT to_char(month, 'YYYY-MM') AS month, first_seq, last_seq, record_count,"
                        + " previous_hash, last_hash, archive_sha256, key_id, signature"
                        + " FROM audit_retention_cut WHERE last_seq IS NOT NULL ORDER BY last_seq DESC LIMIT 1")
                .map(row -> new StoredCut(
                        new ChainCut(
                                row.get("month", String.class),
                                row.get("first_seq", Long.class),
                                row.get("last_seq", Long.class),
                                row.get("record_count", Long.class),
                                Bytea.read(row, "previous_hash"),
                                Bytea.read(row, "last_hash"),
                                Bytea.read(row, "archive_sha256"),
                                row.get("key_id", String.class)),
                        Bytea.read(row, "signature")))
                .one();
    }

    Mono<Instant> firstReceivedAt() {
        return databaseClient
                .sql("SELECT min(received_at) AS first FROM audit_event")
                .map(row -> java.util.Optional.ofNullable(row.get("first", Instant.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /** The seq range of the log's records received in [from, to); both ends {@code null} when it holds none. */
    Mono<Long[]> seqRange(Instant from, Instant to) {
        return databaseClient
                .sql("SELECT min(seq) AS lo, max(seq) AS hi FROM audit_event"
                        + " WHERE received_at >= :from AND received_at < :to")
                .bind("from", from == null ? Instant.EPOCH : from)
                .bind("to", to == null ? Instant.parse("9999-12-31T00:00:00Z") : to)
                .map(row -> new Long[] {row.get("lo", Long.class), row.get("hi", Long.class)})
                .one();
    }

    /** The highest seq of the log or the chain (a deleted last record still has its chain row). */
    Mono<Long> lastSeq() {
        return databaseClient
                .sql("SELECT greatest((SELECT max(seq) FROM audit_event), (SELECT max(seq) FROM audit_chain)) AS hi")
                .map(row -> java.util.Optional.ofNullable(row.get("hi", Long.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /** The chain link with the highest seq below {@code seq}, where verification of a range starts. */
    Mono<ChainLink> linkBefore(long seq) {
        return databaseClient
                .sql(
                        "SELECT seq, event_id, prev_hash, hash FROM audit_chain WHERE seq < :seq ORDER BY seq DESC LIMIT 1")
                .bind("seq", seq)
                .map(IntegrityStore::toLink)
                .one();
    }

    Mono<List<ChainLink>> links(long afterSeq, long lastSeq, int limit) {
        return databaseClient
                .sql(
                        "SELECT seq, event_id, prev_hash, hash FROM audit_chain WHERE seq > :after AND seq <= :last ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("last", lastSeq)
                .bind("limit", limit)
                .map(IntegrityStore::toLink)
                .all()
                .collectList();
    }

    /** A stored record as the walk needs it: its seq, its event id and its canonical bytes, built by PostgreSQL. */
    record StoredRecord(long seq, UUID eventId, byte[] canonicalBytes) {}

    Mono<List<StoredRecord>> records(long afterSeq, long lastSeq) {
        return databaseClient
                .sql("SELECT seq, event_id, " + ChainedRecord.CANONICAL_BYTES_SQL + " AS canonical"
                        + " FROM audit_event WHERE seq > :after AND seq <= :last ORDER BY seq")
                .bind("after", afterSeq)
                .bind("last", lastSeq)
                .map(row -> new StoredRecord(
                        row.get("seq", Long.class), row.get("event_id", UUID.class), Bytea.read(row, "canonical")))
                .all()
                .collectList();
    }

    /** A link as stored. */
    private static ChainLink toLink(Readable row) {
        return new ChainLink(
                row.get("seq", Long.class),
                row.get("event_id", UUID.class),
                Bytea.read(row, "prev_hash"),
                Bytea.read(row, "hash"));
    }

    private static Digest toDigest(Readable row) {
        return new Digest(
                row.get("digest_id", Long.class),
                row.get("period_start", Instant.class),
                row.get("period_end", Instant.class),
                row.get("first_seq", Long.class),
                row.get("last_seq", Long.class),
                row.get("event_count", Long.class),
                Bytea.read(row, "last_hash"),
                Bytea.read(row, "previous_signature"),
                row.get("key_id", String.class),
                Bytea.read(row, "signature"));
    }
}
