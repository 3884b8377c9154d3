package io.mita.auth.export;

import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.token.AccessTokenIssuer;
import io.mita.common.lifecycle.PeriodicJob;
import io.mita.common.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the archives of requested exports. The queue is the PENDING rows of {@code data_export} ({@link ExportQueue}):
 * every {@code poll-interval}, and at once after a request ({@link #wakeUp()}), the worker claims up to
 * {@code concurrency} due exports with a lease and builds them: mints a short-lived access token for the user (claim
 * {@code purpose: data-export}, lifetime {@code token-ttl} ≤ 5 min), fetches every configured service's export one
 * after the other into temporary files, and writes {@code auth.json}, the services' files and {@code manifest.json}
 * into a ZIP that is stored chunk by chunk as it fills ({@link ExportChunks}); then status READY — or FAILED with
 * the reason (which service, what it answered) once a service failed after its retries. Either way
 * {@code mita.auth.user.export-completed.v1} is written in the same transaction. An attempt that failed inside this
 * service is given back with a back-off; an export whose worker died is claimed again when its lease ran out; after
 * {@code max-attempts} claims it is FAILED. While a build runs its lease is renewed; a renewal that finds the claim
 * lost stops the build.
 */
@Component
class DataExportWorker extends PeriodicJob {

    static final String EXHAUSTED = "interrupted %d times (the service restarted or failed); request the export again";

    private static final Logger log = LoggerFactory.getLogger(DataExportWorker.class);

    private final DataExportRepository exports;
    private final ExportQueue queue;
    private final ExportChunks chunks;
    private final DataExportPublisher events;
    private final AccountDataReader account;
    private final ServiceExportClient services;
    private final UserRoleRepository roles;
    private final AccessTokenIssuer tokens;
    private final DataExportProperties properties;
    private final TransactionalOperator transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicInteger building = new AtomicInteger();
    private volatile Disposable.Composite builds = Disposables.composite();

    DataExportWorker(
            DataExportRepository exports,
            ExportQueue queue,
            ExportChunks chunks,
            DataExportPublisher events,
            AccountDataReader account,
            ServiceExportClient services,
            UserRoleRepository roles,
            AccessTokenIssuer tokens,
            DataExportProperties properties,
            TransactionalOperator transaction,
            JsonMapper json,
            Clock clock) {
        super(Duration.ofSeconds(1), properties.pollInterval());
        this.exports = exports;
        this.queue = queue;
        this.chunks = chunks;
        this.events = events;
        this.account = account;
        this.services = services;
        this.roles = roles;
        this.tokens = tokens;
        this.properties = properties;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected Mono<?> runOnce() {
        return buildDue();
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("Export queue poll failed: {}", failure.toString());
    }

    /** Stops before the database pool goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /**
     * Fails the exhausted exports, claims as many due ones as this instance has free build slots and starts their
     * builds; answers how many it started. A poll does not wait for its builds (a slow service would hold every
     * other request back): each build runs on its own, and when it ends it frees its slot and wakes the worker.
     */
    Mono<Long> buildDue() {
        String claim = newClaim();
        Instant now = clock.instant();
        return queue.failExhausted(now, properties.maxAttempts(), EXHAUSTED.formatted(properties.maxAttempts()))
                .concatMap(failed -> events.completed(failed, failed.completedAt())
                        .doOnSuccess(ignored -> log.warn("Export {} failed: {}", failed.id(), failed.failureReason())))
                .then()
                .as(transaction::transactional)
                .thenMany(Flux.defer(() -> {
                    int free = properties.concurrency() - building.get();
                    return free <= 0
                            ? Flux.empty()
                            : queue.claim(claim, now, properties.lease(), properties.maxAttempts(), free);
                }))
                .doOnNext(claimed -> start(claimed, claim))
                .count();
    }

    private void start(ExportQueue.Claimed claimed, String claim) {
        building.incrementAndGet();
        Disposable.Swap slot = Disposables.swap();
        builds.add(slot);
        slot.update(build(claimed, claim)
                .doFinally(signal -> {
                    builds.remove(slot);
                    building.decrementAndGet();
                    wakeUp();
                })
                .subscribe(
                        done -> {},
                        e -> log.warn(
                                "Export {} could not be completed: {}",
                                claimed.export().id(),
                                e.toString())));
    }

    /** Stops the running builds too: their leases run out and the exports are claimed again (here or elsewhere). */
    @Override
    public synchronized void stop() {
        super.stop();
        builds.dispose();
        builds = Disposables.composite();
    }

    /** A claim names this instance and is new for every poll: a worker that lost its claim cannot pass for it. */
    private String newClaim() {
        String name = instance.length() > 60 ? instance.substring(0, 60) : instance;
        return name + "/" + UUID.randomUUID();
    }

    /** Builds and stores one claimed export; completes when it is READY, FAILED or given back. */
    Mono<DataExport> build(ExportQueue.Claimed claimed, String claim) {
        DataExport export = claimed.export();
        List<Path> files = new ArrayList<>();
        return chunks.clear(export.id(), claim)
                .flatMap(holds -> holds ? roles.rolesOf(export.userId()) : Mono.error(new ClaimLostException()))
                .map(granted -> tokens.issueForExport(export.userId(), granted, properties.tokenTtl())
                        .value())
                .flatMap(token -> Flux.fromIterable(new TreeMap<>(properties.services()).entrySet())
                        // the temporary file is created off the event loop (file-system calls block)
                        .concatMap(service -> Mono.fromCallable(
                                        () -> ServiceExportClient.temporaryFile(service.getKey()))
                                .subscribeOn(Schedulers.boundedElastic())
                                .doOnNext(files::add)
                                .flatMap(file -> services.fetch(service.getKey(), service.getValue(), token, file)
                                        .thenReturn(Map.entry(service.getKey(), file))))
                        .collectList())
                .zipWhen(fetched -> account.read(export.userId(), clock.instant()))
                .publishOn(Schedulers.boundedElastic())
                .map(all -> archive(export, claim, all.getT2(), all.getT1()))
                .as(building -> whileClaimHeld(building, export, claim))
                .flatMap(stored -> {
                    DataExport ready = export.ready(clock.instant(), stored.size(), stored.sha256());
                    return exports.markReady(ready, claim)
                            .flatMap(done -> done ? events.completed(ready, ready.completedAt()) : Mono.empty())
                            .as(transaction::transactional)
                            .thenReturn(ready);
                })
                .onErrorResume(e -> afterFailure(claimed, claim, e))
                // deleting files blocks: off the thread the build ended on (often an R2DBC event loop)
                .doFinally(
                        signal -> Schedulers.boundedElastic().schedule(() -> files.forEach(DataExportWorker::delete)))
                .doOnEach(LogContext.onNext(done -> log.info("Export {} {}", done.id(), done.status())));
    }

    /**
     * The build, its lease renewed every third of {@code lease} while it runs (a build may take longer than the
     * lease; a dead worker's export still waits at most one lease). A renewal that finds the claim lost (another
     * worker claimed the export after a renewal came too late) ends the build with {@link ClaimLostException}; a
     * renewal that fails (database) fails the attempt like any other failure inside this service (given back with a
     * back-off).
     */
    private <T> Mono<T> whileClaimHeld(Mono<T> build, DataExport export, String claim) {
        Duration every = properties.lease().dividedBy(3);
        Mono<T> claimLost = Flux.interval(every, every)
                .concatMap(tick -> queue.renew(export.id(), claim, clock.instant(), properties.lease()))
                .filter(held -> !held)
                .next()
                .flatMap(lost -> Mono.error(new ClaimLostException()));
        return Mono.firstWithSignal(build, claimLost);
    }

    private Mono<DataExport> afterFailure(ExportQueue.Claimed claimed, String claim, Throwable e) {
        DataExport export = claimed.export();
        if (e instanceof ClaimLostException || e.getCause() instanceof ClaimLostException) {
            log.warn("Export {}: this worker's lease ran out and another claimed it; stopped", export.id());
            return Mono.empty();
        }
        if (!(e instanceof ServiceExportClient.ServiceExportFailedException)
                && claimed.attempt() < properties.maxAttempts()) {
            Instant next = clock.instant().plus(properties.backOff().multipliedBy(1L << (claimed.attempt() - 1)));
            log.warn("Export {} attempt {} failed ({}); again after {}", export.id(), claimed.attempt(), e, next);
            return queue.release(export.id(), claim, next).then(Mono.empty());
        }
        DataExport failed = export.failed(clock.instant(), reason(e));
        log.warn("Export {} failed: {}", export.id(), failed.failureReason());
        return exports.markFailed(failed, claim)
                .flatMap(stored -> stored
                        ? chunks.deleteAll(export.id()).then(events.completed(failed, failed.completedAt()))
                        : Mono.empty())
                .as(transaction::transactional)
                .thenReturn(failed);
    }

    /** What was stored of one archive. */
    private record StoredArchive(long size, String sha256) {}

    /** Writes the ZIP into chunks as it fills them (blocking: runs on a bounded-elastic thread). */
    private StoredArchive archive(
            DataExport export, String claim, Map<String, Object> auth, List<Map.Entry<String, Path>> fetched) {
        ChunkingOutputStream out =
                new ChunkingOutputStream((int) properties.chunkSize().toBytes(), (seq, chunk) -> {
                    if (!Boolean.TRUE.equals(
                            chunks.write(export.id(), claim, seq, chunk).block())) {
                        throw new ClaimLostException();
                    }
                });
        ExportArchive archive = new ExportArchive(out);
        archive.add("auth.json", json.writeValueAsBytes(auth));
        for (Map.Entry<String, Path> service : fetched) {
            try (InputStream in = Files.newInputStream(service.getValue())) {
                archive.add(service.getKey() + ".json", in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("exportId", export.id().toString());
        manifest.put("userId", export.userId().toString());
        manifest.put("requestedAt", export.requestedAt().toString());
        manifest.put("createdAt", clock.instant().toString());
        manifest.put("entries", archive.entries());
        manifest.put(
                "note",
                "Each entry's SHA-256 is of its bytes as stored in this archive. Receipt images are listed with their"
                        + " content type, size and SHA-256, not included.");
        archive.finish(json.writeValueAsBytes(manifest));
        return new StoredArchive(out.size(), out.sha256());
    }

    private static String reason(Throwable e) {
        String message = e instanceof ServiceExportClient.ServiceExportFailedException
                ? e.getMessage()
                : "internal error (" + e.getClass().getSimpleName() + ")";
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    /** The export was claimed again by another worker after this one's lease ran out. */
    static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super("the claim on the export was lost", null, false, false);
        }
    }
}
