package io.mita.common.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The users erased within the last {@code window} (at least the access token's lifetime plus clock skew: no token
 * of a user erased earlier can still be valid), in memory, so that a request is checked without a database round
 * trip ({@link ErasedUserWebFilter}). Filled from {@code erased_user} at start and again every {@code refresh}
 * (the erasures of the window only: a handful of rows, erasures are rare), so an erasure another instance of the
 * service consumed is known here within one refresh; the instance that consumed it knows it at once
 * ({@link #remember}, after the erasure's commit). Bounded: at most {@code maximumSize} ids, each kept for the
 * window after it was last written. An id kept longer than needed refuses nothing wrongly: an erased user's id is
 * never given to anybody again.
 */
public class RecentErasures implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecentErasures.class);

    private final DatabaseClient database;
    private final Duration window;
    private final Duration refresh;
    private final Cache<UUID, Boolean> erased;
    private volatile Disposable refreshing;

    public RecentErasures(DatabaseClient database, Duration window, Duration refresh, long maximumSize) {
        this.database = database;
        this.window = window;
        this.refresh = refresh;
        this.erased = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(maximumSize)
                .build();
    }

    /** Whether the user was erased within the window, as far as this instance knows (no I/O). */
    public boolean contains(UUID userId) {
        return erased.getIfPresent(userId) != null;
    }

    /** An erasure this instance just committed. */
    public void remember(UUID userId) {
        erased.put(userId, Boolean.TRUE);
    }

    /** Reads the window's erasures from the table; answers how many there were. */
    public Mono<Long> load() {
        return database.sql("SELECT user_id FROM erased_user WHERE erased_at > :since")
                .bind("since", OffsetDateTime.now(ZoneOffset.UTC).minus(window))
                .map(row -> row.get("user_id", UUID.class))
                .all()
                .doOnNext(this::remember)
                .count();
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> load().onErrorResume(failure -> {
                    log.warn("erased users not refreshed, next try in {}: {}", refresh, failure.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = refreshing;
        if (running != null) {
            running.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
