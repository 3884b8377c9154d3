package io.mita.audit.retention;

import io.mita.common.lifecycle.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At startup, creates the coming months' partitions; then runs retention {@code first-run-delay} after startup and
 * every {@code interval} (1 day by default). A failed run is counted and logged by the job; the next one tries again.
 */
@Component
class RetentionSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final ArchiveExpiredMonths job;

    RetentionSchedule(ArchiveExpiredMonths job, RetentionProperties properties) {
        super(properties.firstRunDelay(), properties.interval());
        this.job = job;
    }

    @Override
    protected Mono<Void> beforeFirstRun() {
        return job.ensurePartitions()
                .doOnNext(created -> log.info("audit partitions ahead ensured: {} created", created))
                .onErrorResume(failure -> {
                    log.warn(
                            "audit partitions ahead not ensured now (retention's run tries again): {}",
                            failure.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    protected Mono<?> runOnce() {
        return job.runOnce();
    }

    /** Already counted and logged by the job. */
    @Override
    protected void failed(Throwable failure) {}
}
