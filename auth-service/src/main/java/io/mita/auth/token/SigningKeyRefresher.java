package io.mita.auth.token;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every {@code interval}, takes up a key another instance rotated in ({@link SigningKeys#refreshActive()}).
 * A failed look (database away) is logged and the instance keeps signing with the key it has.
 */
class SigningKeyRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRefresher.class);

    private final SigningKeys signingKeys;
    private final Duration interval;
    private volatile Disposable running;

    SigningKeyRefresher(SigningKeys signingKeys, Duration interval) {
        this.signingKeys = signingKeys;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(
                        tick -> signingKeys.refreshActive().timeout(interval).onErrorResume(e -> {
                            log.warn("Looking for a rotated signing key failed: {}", e.toString());
                            return Mono.empty();
                        }),
                        1)
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
