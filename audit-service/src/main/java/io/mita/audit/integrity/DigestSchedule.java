package io.mita.audit.integrity;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Signs a digest every {@code mita.audit.integrity.digest-interval} (1 hour by default) while the service runs. */
@Component
class DigestSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final DigestSigner signer;
    private final Duration interval;
    private volatile Disposable loop;

    DigestSchedule(DigestSigner signer, IntegrityProperties properties) {
        this.signer = signer;
        this.interval = properties.digestInterval();
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("mita.audit.integrity.digest-interval must be positive");
        }
    }

    @Override
    public void start() {
        loop = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> signer.signNow()
                        .doOnNext(digest -> log.info(
                                "audit digest signed id={} last_seq={} records={}",
                                digest.digestId(),
                                digest.lastSeq(),
                                digest.eventCount()))
                        .onErrorResume(failure -> {
                            // the next tick covers this period as well: nothing is lost, the digest is only later
                            log.warn("audit digest not signed this time: {}", failure.toString());
                            return Mono.empty();
                        }))
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
