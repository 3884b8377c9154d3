package io.mita.audit.integrity;

import io.mita.audit.chain.ChainHash;
import io.mita.audit.integrity.IntegrityReport.BrokenDigest;
import io.mita.audit.integrity.IntegrityReport.BrokenRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Verifies the chain and the digests. The chain walk recomputes every record's hash from the record as stored
 * and the previous link, in chunks of a fixed number of links (constant memory), merging the log and the chain by
 * seq, and names the first broken record in seq order. Chunks are independent: each starts from the stored hash of
 * the link before it, which is what the walk would expect there if everything before it verified; so several chunks
 * are fetched and hashed at once, their results are taken in seq order, and the first broken chunk ends the walk. Each digest of the period is checked for its signature, its link to
 * the digest before it, the chain hash at its seq and its count. A forger who rewrites rows and recomputes the
 * chain passes the walk but not the digests: they cannot sign.
 */
@Service
class IntegrityVerifier {

    /**
     * The context the chunks are read under: none of the caller's entries. Reactor's {@code handle}, which the
     * R2DBC driver applies to every row it hands on, sets the thread locals from the subscriber's context (the
     * request's observation, its correlation id) around each row whenever that context holds anything; over a walk of
     * hundreds of thousands of links and records that was a sixth to a quarter of the walk's CPU. The chunks log
     * nothing and need none of it: a line about the walk is written outside this operator, where {@code LogContext}
     * sets its ids from the caller's context. Their reads run on pooled connections of their own, never in a
     * caller's transaction.
     */
    private static final Function<Context, Context> NOTHING_TO_RESTORE = caller -> Context.empty();

    private final IntegrityStore store;
    private final DigestKeys keys;
    private final int chunkLinks;
    private final int parallelChunks;

    IntegrityVerifier(IntegrityStore store, DigestKeys keys, IntegrityProperties properties) {
        this.store = store;
        this.keys = keys;
        this.chunkLinks = positive(properties.walkChunkLinks(), "walk-chunk-links");
        this.parallelChunks = positive(properties.walkParallelChunks(), "walk-parallel-chunks");
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("mita.audit.integrity." + name + " must be at least 1, not " + value);
        }
        return value;
    }

    /**
     * Records received in [from, to) ({@code null} = open). After retention cut the chain (V5), the walk starts
     * at the newest cut's signed anchor instead of the first record; digests of archived months are checked for
     * their signature and order only (their records are in the archive, checked offline with its manifest).
     */
    Mono<IntegrityReport> verify(Instant from, Instant to) {
        return store.latestCut()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(cut -> verify(from, to, cut.orElse(null)));
    }

    private Mono<IntegrityReport> verify(Instant from, Instant to, IntegrityStore.StoredCut cut) {
        Anchor anchor = cut == null
                ? Anchor.NONE
                : new Anchor(cut.cut().lastSeq(), cut.cut().lastHash());
        Mono<Walk> walk = range(from, to, anchor.seq())
                .flatMap(range -> range.isEmpty() ? Mono.just(Walk.nothing()) : walk(range, cut));
        return walk.flatMap(done -> verifyDigests(from, to, anchor)
                .map(digests -> new IntegrityReport(
                        done.broken == null && digests.broken == null,
                        from,
                        to,
                        done.firstSeq,
                        done.lastSeq,
                        done.verified,
                        digests.verified,
                        done.broken,
                        digests.broken)));
    }

    /** Where the chain starts: after the newest retention cut's last record, or at the beginning (seq 0). */
    private record Anchor(long seq, byte[] hash) {
        static final Anchor NONE = new Anchor(0, ChainHash.genesis());
    }

    /** The seq range (exclusive start, inclusive end) to walk. */
    private record Range(long after, long last) {
        boolean isEmpty() {
            return last <= after;
        }
    }

    private Mono<Range> range(Instant from, Instant to, long cutSeq) {
        if (from == null && to == null) {
            return store.lastSeq().map(last -> new Range(cutSeq, last)).defaultIfEmpty(new Range(0, 0));
        }
        return store.seqRange(from, to).flatMap(bounds -> {
            if (bounds[0] == null) {
                return Mono.just(new Range(0, 0));
            }
            long last = to == null ? Long.MAX_VALUE : bounds[1];
            if (from == null) {
                return Mono.just(new Range(cutSeq, last));
            }
            return store.linkBefore(bounds[0])
                    .map(link -> new Range(Math.max(link.seq(), cutSeq), last))
                    .defaultIfEmpty(new Range(cutSeq, last));
        });
    }

    /** A walk's (or one chunk's) result; {@code expected}: the hash the next record must follow. */
    private static final class Walk {
        byte[] expected;
        Long firstSeq;
        Long lastSeq;
        long verified;
        BrokenRecord broken;

        static Walk nothing() {
            return new Walk();
        }
    }

    private Mono<Walk> walk(Range range, IntegrityStore.StoredCut cut) {
        Walk start = new Walk();
        if (cut != null && range.after() == cut.cut().lastSeq() && !signedByUs(cut)) {
            start.broken = new BrokenRecord(
                    cut.cut().lastSeq(),
                    null,
                    "CUT_NOT_SIGNED",
                    "the retention cut of " + cut.cut().month() + " the chain resumes after is not signed by the"
                            + " service's key: the anchor was forged or changed");
            return Mono.just(start);
        }
        Mono<byte[]> expected = range.after() == 0
                ? Mono.just(ChainHash.genesis())
                : cut != null && range.after() == cut.cut().lastSeq()
                        ? Mono.just(cut.cut().lastHash())
                        : store.chainHashAt(range.after()).defaultIfEmpty(ChainHash.genesis());
        return expected.flatMap(hash -> {
            start.expected = hash;
            return chunks(range)
                    .<Walk>flatMapSequential(chunk -> verifyChunk(chunk, hash), parallelChunks, 1)
                    .takeUntil(chunk -> chunk.broken != null)
                    .reduce(start, (total, chunk) -> add(total, chunk))
                    .contextWrite(NOTHING_TO_RESTORE);
        });
    }

    /** Links {@code (after, upTo]}: {@link #chunkLinks} of them, fewer in the last chunk. */
    private record Chunk(int index, long after, long upTo, boolean last) {}

    /**
     * The chunks of the range in seq order, each ending at its {@link #chunkLinks}-th link (an index-only look-up),
     * the last one at the range's end. Made as the walk asks for them: at most {@link #parallelChunks} ahead.
     */
    private Flux<Chunk> chunks(Range range) {
        return chunkAfter(0, range.after(), range.last())
                .expand(chunk ->
                        chunk.last() ? Mono.empty() : chunkAfter(chunk.index() + 1, chunk.upTo(), range.last()));
    }

    private Mono<Chunk> chunkAfter(int index, long after, long last) {
        return store.nthLinkAfter(after, last, chunkLinks)
                .map(end -> new Chunk(index, after, end, false))
                .defaultIfEmpty(new Chunk(index, after, last, true));
    }

    /**
     * One chunk, verified from the hash the walk expects at its start: the walk's start for the first chunk, else the
     * stored hash of the link the chunk before it ended at (what the walk expects there when that chunk verified;
     * when it did not, that chunk's break is the one reported).
     */
    private Mono<Walk> verifyChunk(Chunk chunk, byte[] walkStart) {
        Mono<byte[]> expected = chunk.index() == 0
                ? Mono.just(walkStart)
                : store.chainHashAt(chunk.after()).defaultIfEmpty(walkStart);
        // links and records are read at once (two pooled connections a chunk), hashed off the event loop
        return expected.flatMap(hash -> Mono.zip(
                        store.links(chunk.after(), chunk.upTo(), chunkLinks),
                        store.records(chunk.after(), chunk.upTo()))
                .publishOn(Schedulers.parallel())
                .map(fetched -> {
                    Walk walk = new Walk();
                    walk.expected = hash;
                    merge(walk, fetched.getT1(), fetched.getT2());
                    return walk;
                }));
    }

    /** The walk so far followed by the next chunk's result. */
    private static Walk add(Walk total, Walk chunk) {
        total.verified += chunk.verified;
        if (total.firstSeq == null) {
            total.firstSeq = chunk.firstSeq;
        }
        if (chunk.lastSeq != null) {
            total.lastSeq = chunk.lastSeq;
        }
        total.broken = chunk.broken;
        total.expected = chunk.expected;
        return total;
    }

    private boolean signedByUs(IntegrityStore.StoredCut cut) {
        return keys.keyId().equals(cut.cut().keyId()) && keys.verify(cut.cut().message(), cut.signature());
    }

    private static void merge(
            Walk walk, List<IntegrityStore.ChainLink> links, List<IntegrityStore.StoredRecord> records) {
        ChainHash.Hasher hasher = ChainHash.hasher();
        int l = 0;
        int r = 0;
        while (l < links.size() || r < records.size()) {
            long linkSeq = l < links.size() ? links.get(l).seq() : Long.MAX_VALUE;
            long recordSeq = r < records.size() ? records.get(r).seq() : Long.MAX_VALUE;
            if (recordSeq < linkSeq) {
                IntegrityStore.StoredRecord record = records.get(r);
                walk.broken = new BrokenRecord(
                        record.seq(),
                        record.eventId(),
                        "NOT_CHAINED",
                        "the record has no link in the hash chain: it was written outside the audit service");
                return;
            }
            IntegrityStore.ChainLink link = links.get(l);
            if (linkSeq < recordSeq) {
                walk.broken = new BrokenRecord(
                        link.seq(),
                        link.eventId(),
                        "DELETED",
                        "the hash chain has a link for this record but the log no longer holds it");
                return;
            }
            IntegrityStore.StoredRecord record = records.get(r);
            if (!Arrays.equals(link.prevHash(), walk.expected)) {
                walk.broken = new BrokenRecord(
                        record.seq(),
                        record.eventId(),
                        "CHAIN_BROKEN",
                        "the record's link does not follow the one before it: a record before it was removed"
                                + " or inserted");
                return;
            }
            if (!link.eventId().equals(record.eventId())
                    || !Arrays.equals(hasher.next(walk.expected, record.canonicalBytes()), link.hash())) {
                walk.broken = new BrokenRecord(
                        record.seq(),
                        record.eventId(),
                        "ALTERED",
                        "the record as stored does not match its hash: it was changed after it was appended");
                return;
            }
            walk.expected = link.hash();
            if (walk.firstSeq == null) {
                walk.firstSeq = record.seq();
            }
            walk.lastSeq = record.seq();
            walk.verified++;
            l++;
            r++;
        }
    }

    private record DigestCheck(long verified, BrokenDigest broken) {}

    private Mono<DigestCheck> verifyDigests(Instant from, Instant to, Anchor anchor) {
        return store.digests(from, to).collectList().flatMap(digests -> {
            if (digests.isEmpty()) {
                return Mono.just(new DigestCheck(0, null));
            }
            Mono<Optional<Digest>> before = store.digestBefore(digests.get(0).digestId())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty());
            return before.flatMap(previous -> Flux.range(0, digests.size())
                    .concatMap(index -> check(
                                    digests.get(index),
                                    index == 0 ? previous.orElse(null) : digests.get(index - 1),
                                    anchor)
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .map(broken -> new Object[] {index, broken}))
                    .takeUntil(result -> ((Optional<?>) result[1]).isPresent())
                    .last()
                    .map(result -> {
                        @SuppressWarnings("unchecked")
                        Optional<BrokenDigest> broken = (Optional<BrokenDigest>) result[1];
                        int index = (Integer) result[0];
                        return new DigestCheck(broken.isPresent() ? index : index + 1L, broken.orElse(null));
                    }));
        });
    }

    /**
     * Empty when the digest verifies. A digest whose head was archived ({@code lastSeq} before the anchor) is checked
     * for its signature and order only; the count of one that straddles the cut is not re-counted (part of its
     * records are in the archive), its hash is.
     */
    private Mono<BrokenDigest> check(Digest digest, Digest previous, Anchor anchor) {
        if (!keys.keyId().equals(digest.keyId())) {
            return Mono.just(broken(
                    digest,
                    "UNKNOWN_KEY",
                    "signed with key " + digest.keyId() + ", not the service's " + keys.keyId()));
        }
        if (!keys.verify(digest.message(), digest.signature())) {
            return Mono.just(broken(digest, "BAD_SIGNATURE", "the digest was changed after it was signed"));
        }
        byte[] expectedPrevious = previous == null ? null : previous.signature();
        if (!Arrays.equals(expectedPrevious, digest.previousSignature())) {
            return Mono.just(broken(
                    digest,
                    "DIGEST_MISSING",
                    "the digest does not follow the one stored before it: a digest is missing"));
        }
        if (digest.lastSeq() == null || digest.lastSeq() < anchor.seq()) {
            return Mono.empty();
        }
        long after = previous == null || previous.lastSeq() == null ? 0 : previous.lastSeq();
        Mono<byte[]> signedHead =
                digest.lastSeq() == anchor.seq() ? Mono.just(anchor.hash()) : store.chainHashAt(digest.lastSeq());
        Mono<BrokenDigest> hashCheck = signedHead
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(hash -> hash.isPresent() && Arrays.equals(hash.get(), digest.lastHash())
                        ? Mono.<BrokenDigest>empty()
                        : Mono.just(broken(
                                digest,
                                "CHAIN_MISMATCH",
                                "the hash chain at seq " + digest.lastSeq() + " is not the signed hash: records up to"
                                        + " it were rewritten and the chain recomputed")));
        if (after < anchor.seq()) {
            return hashCheck;
        }
        Mono<BrokenDigest> countCheck = store.chainRows(after, digest.lastSeq())
                .flatMap(counted -> counted[0] == digest.eventCount()
                        ? Mono.<BrokenDigest>empty()
                        : Mono.just(broken(
                                digest,
                                "COUNT_MISMATCH",
                                "the digest counts " + digest.eventCount() + " records after seq " + after
                                        + ", the chain holds " + counted[0])));
        return hashCheck.switchIfEmpty(countCheck);
    }

    private static BrokenDigest broken(Digest digest, String problem, String detail) {
        return new BrokenDigest(digest.digestId(), digest.periodStart(), digest.periodEnd(), problem, detail);
    }
}
