package io.mita.audit.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * At startup, creates the coming months' partitions; then runs retention {@code first-run-delay} after startup and
 * every {@code interval} (1 day by default). A failed run is counted and logged by the job; the next one tries again.
 */
@Component
class RetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ArchiveExpiredMonths job;
    private final RetentionProperties properties;
    private volatile Disposable loop;

    RetentionSchedule(ArchiveExpiredMonths job, RetentionProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public void start() {
        Mono<Void> partitions = job.ensurePartitions()
                .doOnNext(created -> log.info("audit partitions ahead ensured: {} created", created))
                .onErrorResume(failure -> {
                    log.warn(
                            "audit partitions ahead not ensured now (retention's run tries again): {}",
                            failure.toString());
                    return Mono.empty();
                })
                .then();
        loop = partitions
                .thenMany(Flux.interval(properties.firstRunDelay(), properties.interval(), Schedulers.parallel()))
                .onBackpressureDrop()
                .concatMap(tick -> job.runOnce().onErrorResume(failure -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
