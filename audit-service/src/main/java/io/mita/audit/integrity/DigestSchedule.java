package io.mita.audit.integrity;

import io.mita.common.lifecycle.PeriodicJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Signs a digest every {@code mita.audit.integrity.digest-interval} (1 hour by default) while the service runs. */
@Component
class DigestSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final DigestSigner signer;

    DigestSchedule(DigestSigner signer, IntegrityProperties properties) {
        super(positive(properties.digestInterval()));
        this.signer = signer;
    }

    private static Duration positive(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("mita.audit.integrity.digest-interval must be positive");
        }
        return interval;
    }

    @Override
    protected Mono<?> runOnce() {
        return signer.signNow()
                .doOnNext(digest -> log.info(
                        "audit digest signed id={} last_seq={} records={}",
                        digest.digestId(),
                        digest.lastSeq(),
                        digest.eventCount()));
    }

    /** The next tick covers this period as well: nothing is lost, the digest is only later. */
    @Override
    protected void failed(Throwable failure) {
        log.warn("audit digest not signed this time: {}", failure.toString());
    }
}
