package io.mita.auth.token;

import io.mita.common.lifecycle.PeriodicJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every {@code interval}, takes up a key another instance rotated in ({@link SigningKeys#refreshActive()}).
 * A failed look (database away) is logged and the instance keeps signing with the key it has.
 */
class SigningKeyRefresher extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRefresher.class);

    private final SigningKeys signingKeys;
    private final Duration interval;

    SigningKeyRefresher(SigningKeys signingKeys, Duration interval) {
        super(interval);
        this.signingKeys = signingKeys;
        this.interval = interval;
    }

    @Override
    protected Mono<?> runOnce() {
        return signingKeys.refreshActive().timeout(interval);
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("Looking for a rotated signing key failed: {}", failure.toString());
    }
}
