package io.mita.audit.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.audit.chain.ChainCut;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.integrity.ArchiveSeals;
import io.mita.audit.trail.ArchiveTrail;
import io.mita.audit.trail.LogArchived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention (issue 13): every month wholly older than {@code AUDIT_RETENTION} leaves the database, oldest first, in
 * these steps, and only if each passes: a signed digest seals the month's end; the integrity check over the month
 * (chain and digests) is intact; the month is one stretch of the chain (nothing after it has a lower seq); its
 * records are exported with their chain links to {@code audit-<yyyy-MM>.ndjson.gz} and a signed manifest; the
 * archive is read back from disk and verified by the same check an auditor runs offline ({@link ArchiveVerifier}),
 * and matched against the database (count, the hash the month starts from, its last hash); then, in one
 * transaction, the cut is recorded (the anchor the integrity check resumes from), the two partitions are dropped
 * through the owner's function, and a {@value ArchiveTrail#TYPE} record says so. A failure stops the run (later
 * months wait: the chain is cut at one point) and is counted; the next run tries again.
 */
@Service
public class ArchiveExpiredMonths {

    public static final String ARCHIVED_ROWS = "mita.audit.retention.archived.rows";
    public static final String ARCHIVES = "mita.audit.retention.archives";
    public static final String FAILURES = "mita.audit.retention.failures";

    static final int PAGE = 5000;

    private static final Logger log = LoggerFactory.getLogger(ArchiveExpiredMonths.class);

    private final RetentionStore store;
    private final ArchiveSeals seals;
    private final ArchiveTrail trail;
    private final TransactionalOperator transactions;
    private final RetentionProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter archivedRows;
    private final Counter archives;
    private final Counter failures;

    ArchiveExpiredMonths(
            RetentionStore store,
            ArchiveSeals seals,
            ArchiveTrail trail,
            TransactionalOperator transactions,
            RetentionProperties properties,
            Optional<Clock> clock,
            MeterRegistry meters) {
        this.store = store;
        this.seals = seals;
        this.trail = trail;
        this.transactions = transactions;
        this.properties = properties;
        // the archive format is fixed (docs/audit.md): never the application's configured mapper
        this.json = JsonMapper.builder().build();
        this.clock = clock.orElseGet(Clock::systemUTC);
        this.archivedRows = Counter.builder(ARCHIVED_ROWS)
                .description("Audit records archived and dropped from the database by retention")
                .register(meters);
        this.archives = Counter.builder(ARCHIVES)
                .description("Months archived, verified and dropped by retention")
                .register(meters);
        this.failures = Counter.builder(FAILURES)
                .description("Retention runs that stopped at a month they could not archive, verify or drop")
                .register(meters);
    }

    /** Partitions ahead, then every expired month, oldest first; answers the months archived by this run. */
    public Mono<List<LogArchived>> runOnce() {
        Instant now = clock.instant();
        Instant expiredBefore = now.minus(properties.retention());
        return store.ensurePartitions(properties.partitionsAhead())
                .thenMany(store.months())
                .filter(month -> !start(month.plusMonths(1)).isAfter(expiredBefore))
                .concatMap(this::archive)
                .collectList()
                .onErrorResume(failure -> {
                    failures.increment();
                    log.warn("audit retention stopped: {}", failure.toString());
                    return Mono.error(failure);
                });
    }

    /** Creates the coming months' partitions (at startup, before the first run). */
    Mono<Integer> ensurePartitions() {
        return store.ensurePartitions(properties.partitionsAhead());
    }

    private Mono<LogArchived> archive(YearMonth month) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        return store.records(from, to).flatMap(records -> {
            Mono<Void> checked = records.lastSeq() == null
                    ? Mono.empty()
                    : seals.sealThrough(records.lastSeq())
                            .then(seals.verify(from, to))
                            .flatMap(report -> report.intact()
                                    ? Mono.empty()
                                    : Mono.error(new MonthNotArchivedException(
                                            month,
                                            "its integrity check failed: "
                                                    + (report.firstBrokenRecord() != null
                                                            ? report.firstBrokenRecord()
                                                            : report.firstBrokenDigest()))))
                            .then(store.firstSeqFrom(to))
                            .flatMap(next -> next.isPresent() && next.get() < records.lastSeq()
                                    ? Mono.error(new MonthNotArchivedException(
                                            month,
                                            "seq " + next.get() + " of a later month comes before its last seq "
                                                    + records.lastSeq() + ": it is not one stretch of the chain"))
                                    : Mono.empty());
            return checked.then(Mono.defer(() -> export(month, from, to, records)))
                    .flatMap(written -> sealAndVerify(month, records, written))
                    .flatMap(verified -> cutAndDrop(month, verified))
                    .doOnNext(archived -> {
                        archives.increment();
                        archivedRows.increment(archived.records());
                        log.info(
                                "audit month {} archived to {} ({} records) and dropped",
                                archived.month(),
                                archived.archiveFile(),
                                archived.records());
                    });
        });
    }

    private Mono<ArchiveFile.Written> export(
            YearMonth month, Instant from, Instant to, RetentionStore.MonthRecords records) {
        Path target = directory().resolve(fileName(month, ".ndjson.gz"));
        Mono<byte[]> previous = records.firstSeq() == null
                ? store.anchorHash()
                : store.link(records.firstSeq()).map(link -> link[0]);
        return previous.flatMap(previousHash -> Mono.using(
                () -> ArchiveFile.create(target, previousHash, json),
                file -> store.lines(from, to, 0, PAGE)
                        .expand(page -> page.size() < PAGE
                                ? Mono.empty()
                                : store.lines(
                                        from, to, page.get(page.size() - 1).seq(), PAGE))
                        .publishOn(Schedulers.boundedElastic())
                        .doOnNext(page -> page.forEach(file::append))
                        .then(Mono.fromCallable(file::finish)),
                ArchiveFile::close));
    }

    /** A month's archive, written and verified, and the record of it. */
    private record Sealed(ArchiveManifest manifest, LogArchived archived) {}

    /** Signs the cut, writes the manifest, reads the archive back and verifies it, and matches it to the database. */
    private Mono<Sealed> sealAndVerify(
            YearMonth month, RetentionStore.MonthRecords records, ArchiveFile.Written written) {
        if (written.count() != records.count()) {
            return Mono.error(new MonthNotArchivedException(
                    month, "the export holds " + written.count() + " records, the database " + records.count()));
        }
        ChainCut cut = new ChainCut(
                month.toString(),
                written.firstSeq(),
                written.lastSeq(),
                written.count(),
                written.previousHash(),
                written.lastHash(),
                written.sha256(),
                seals.keyId());
        Flux<ManifestDigest> digests = written.firstSeq() == null
                ? Flux.empty()
                : seals.digestsCovering(written.firstSeq(), written.lastSeq()).map(ManifestDigest::of);
        Path manifestFile = directory().resolve(fileName(month, ".manifest.json"));
        return digests.collectList()
                .map(covering -> ArchiveManifest.of(
                        cut,
                        seals.sign(cut),
                        written.file().getFileName().toString(),
                        written.firstHash(),
                        covering,
                        clock.instant().toString()))
                .publishOn(Schedulers.boundedElastic())
                .map(manifest -> {
                    writeManifest(manifestFile, manifest);
                    verifyOnDisk(month, written.file(), manifestFile);
                    return manifest;
                })
                .flatMap(manifest -> matchesDatabase(month, manifest)
                        .thenReturn(new Sealed(
                                manifest,
                                new LogArchived(
                                        month.toString(),
                                        written.count(),
                                        written.firstSeq(),
                                        written.lastSeq(),
                                        ChainHash.hex(written.lastHash()),
                                        written.file().getFileName().toString(),
                                        manifest.archiveSha256(),
                                        manifestFile.getFileName().toString(),
                                        RetentionStore.partitionNames(month)))));
    }

    private void writeManifest(Path file, ArchiveManifest manifest) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.write(part, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest " + file, e);
        }
    }

    /** The auditor's own check, on the files as they are on disk. */
    private void verifyOnDisk(YearMonth month, Path archive, Path manifestFile) {
        ArchiveVerifier verifier = new ArchiveVerifier(json);
        try {
            ArchiveVerifier.Result result =
                    verifier.verify(archive, verifier.readManifest(manifestFile), seals.publicKey());
            if (!result.intact()) {
                throw new MonthNotArchivedException(
                        month, "its archive does not verify: " + result.firstBrokenLine() + " " + result.problems());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the archive " + archive, e);
        }
    }

    /** The archive's first link and last hash are the database's, at the same seqs. */
    private Mono<Void> matchesDatabase(YearMonth month, ArchiveManifest manifest) {
        if (manifest.firstSeq() == null) {
            return Mono.empty();
        }
        ChainCut cut = manifest.cut();
        return store.link(manifest.firstSeq())
                .zipWith(store.link(manifest.lastSeq()))
                .map(links -> Arrays.equals(links.getT1()[0], cut.previousHash())
                        && Arrays.equals(links.getT2()[1], cut.lastHash()))
                .defaultIfEmpty(false)
                .flatMap(same -> same
                        ? Mono.<Void>empty()
                        : Mono.error(new MonthNotArchivedException(
                                month, "the archive's chain does not start and end where the database's does")));
    }

    /** One transaction: the anchor, the drop (the owner's function checks the anchor), the record of it. */
    private Mono<LogArchived> cutAndDrop(YearMonth month, Sealed verified) {
        ArchiveManifest manifest = verified.manifest();
        Mono<LogArchived> work = store.recordCut(manifest.cut(), manifest.signatureBytes(), manifest.archiveFile())
                .then(store.dropMonth(month))
                .then(trail.archived(verified.archived()))
                .thenReturn(verified.archived());
        return transactions.transactional(work);
    }

    private Path directory() {
        return Path.of(properties.archiveDir());
    }

    static String fileName(YearMonth month, String extension) {
        return "audit-" + month + extension;
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A month that stays in the database: the reason is in the message. */
    static final class MonthNotArchivedException extends IllegalStateException {
        MonthNotArchivedException(YearMonth month, String reason) {
            super("month " + month + " not archived: " + reason);
        }
    }
}
