package io.mita.auth.export;

import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.token.AccessTokenIssuer;
import io.mita.common.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the archives of requested exports, at most {@code mita.auth.export.concurrency} at once, in this process:
 * mints a short-lived access token for the user (claim {@code purpose: data-export}, lifetime {@code token-ttl}
 * ≤ 5 min), fetches every configured service's export one after the other into temporary files, writes
 * {@code auth.json}, the services' files and {@code manifest.json} into a ZIP, and stores it with status READY —
 * or FAILED with the reason (which service, what it answered) once a service failed after its retries. Either way
 * {@code mita.auth.user.export-completed.v1} is written in the same transaction. Exports whose worker died (a
 * restart) stay PENDING until the user asks again ({@link RequestDataExport} marks them FAILED then).
 */
@Component
class DataExportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DataExportWorker.class);

    private final DataExportRepository exports;
    private final DataExportPublisher events;
    private final AccountDataReader account;
    private final ServiceExportClient services;
    private final UserRoleRepository roles;
    private final AccessTokenIssuer tokens;
    private final DataExportProperties properties;
    private final TransactionalOperator transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final Sinks.Many<DataExport> queue = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Disposable running;

    DataExportWorker(
            DataExportRepository exports,
            DataExportPublisher events,
            AccountDataReader account,
            ServiceExportClient services,
            UserRoleRepository roles,
            AccessTokenIssuer tokens,
            DataExportProperties properties,
            TransactionalOperator transaction,
            JsonMapper json,
            Clock clock) {
        this.exports = exports;
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

    /** Queues a PENDING export that was committed. */
    void submit(DataExport export) {
        Sinks.EmitResult result = queue.tryEmitNext(export);
        if (result.isFailure()) {
            log.warn("Export {} could not be queued ({}); it fails when the user asks again", export.id(), result);
        }
    }

    /** Builds and stores one export; completes when it is READY or FAILED. */
    Mono<DataExport> build(DataExport export) {
        List<Path> files = new ArrayList<>();
        return roles.rolesOf(export.userId())
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
                .map(all -> archive(export, all.getT2(), all.getT1()))
                .flatMap(archive -> {
                    DataExport ready = export.ready(clock.instant(), archive.length, ExportArchive.sha256(archive));
                    return exports.markReady(ready, archive)
                            .flatMap(stored -> stored ? events.completed(ready, ready.completedAt()) : Mono.empty())
                            .as(transaction::transactional)
                            .thenReturn(ready);
                })
                .onErrorResume(e -> {
                    DataExport failed = export.failed(clock.instant(), reason(e));
                    log.warn("Export {} failed: {}", export.id(), failed.failureReason());
                    return exports.markFailed(failed)
                            .flatMap(stored -> stored ? events.completed(failed, failed.completedAt()) : Mono.empty())
                            .as(transaction::transactional)
                            .thenReturn(failed);
                })
                .doFinally(signal -> files.forEach(DataExportWorker::delete))
                .doOnEach(LogContext.onNext(done -> log.info("Export {} {}", done.id(), done.status())));
    }

    private byte[] archive(DataExport export, Map<String, Object> auth, List<Map.Entry<String, Path>> fetched) {
        ExportArchive archive = new ExportArchive();
        archive.add("auth.json", json.writeValueAsBytes(auth));
        for (Map.Entry<String, Path> service : fetched) {
            try (InputStream in = Files.newInputStream(service.getValue())) {
                archive.add(service.getKey() + ".json", in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
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
        return archive.finish(json.writeValueAsBytes(manifest));
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

    @Override
    public void start() {
        running = queue.asFlux()
                .flatMap(
                        export -> build(export).onErrorResume(e -> {
                            log.warn("Export {} could not be completed: {}", export.id(), e.toString());
                            return Mono.empty();
                        }),
                        properties.concurrency())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
