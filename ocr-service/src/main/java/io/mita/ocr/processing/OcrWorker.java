package io.mita.ocr.processing;

import io.mita.common.lifecycle.PeriodicJob;
import io.mita.ocr.config.OcrProperties;
import io.mita.ocr.engine.Recognition;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Polls the job table and keeps at most {@code concurrency} receipts in work. A job it claims is leased to
 * it; when the process dies the lease expires and another worker (or this one after a restart) takes the
 * job over. Claims nothing while the engine's circuit is open. On shutdown the images in work are
 * cancelled (their Tesseract processes killed) and their jobs return to the queue when the lease ends.
 */
@Component
class OcrWorker extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(OcrWorker.class);

    private final OcrJobs jobs;
    private final ProcessReceipt process;
    private final Recognition engine;
    private final OcrMetrics metrics;
    private final OcrProperties properties;
    private final String name;
    private final AtomicLong inFlight = new AtomicLong();
    private volatile Disposable.Composite work = Disposables.composite();

    OcrWorker(OcrJobs jobs, ProcessReceipt process, Recognition engine, OcrMetrics metrics, OcrProperties properties) {
        super(properties.jobs().pollInterval());
        this.jobs = jobs;
        this.process = process;
        this.engine = engine;
        this.metrics = metrics;
        this.properties = properties;
        this.name = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        metrics.inFlight(inFlight);
    }

    @Override
    public synchronized void start() {
        if (!properties.jobs().enabled() || isRunning()) {
            return;
        }
        work = Disposables.composite();
        super.start();
        log.info("OCR worker {} started: {} image(s) at once", name, concurrency());
    }

    @Override
    public synchronized void stop() {
        super.stop();
        work.dispose();
    }

    @Override
    protected Mono<?> runOnce() {
        return poll();
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("OCR worker poll failed: {}", failure.toString());
    }

    /** Stops before the database pool and the web server go (they stop in later phases). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    Mono<Void> poll() {
        Mono<Void> depth = jobs.depth().doOnNext(metrics::queueDepth).then();
        if (engine.unavailableFor().isPresent()) {
            return depth;
        }
        int free = concurrency() - (int) inFlight.get();
        if (free <= 0) {
            return depth;
        }
        return jobs.claim(name, free, properties.jobs().lease())
                .doOnNext(this::start)
                .then(depth);
    }

    private void start(ClaimedJob job) {
        inFlight.incrementAndGet();
        Disposable.Swap slot = Disposables.swap();
        work.add(slot);
        slot.update(process.process(job, name)
                .doFinally(signal -> {
                    inFlight.decrementAndGet();
                    work.remove(slot);
                })
                .subscribe(
                        done -> {},
                        failure -> log.warn(
                                "OCR job of receipt {} could not be recorded: {}",
                                job.receiptId(),
                                failure.toString())));
    }

    private int concurrency() {
        return properties.engine().effectiveConcurrency();
    }

    String name() {
        return name;
    }
}
