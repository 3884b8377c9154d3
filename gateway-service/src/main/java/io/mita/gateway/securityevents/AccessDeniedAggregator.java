package io.mita.gateway.securityevents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts refused requests per (client, status, route) in windows aligned to the epoch, in memory.
 * Recording is a hash lookup and an increment — cheap enough for every refused request. A window keeps
 * at most {@code maxKeysPerWindow} keys; refusals of further clients in that window are only counted
 * (one overflow event), so memory and the number of events per window stay bounded whatever a
 * client sends. Windows that have ended are drained into one {@link AccessDenied} per key.
 */
class AccessDeniedAggregator {

    static final int SAMPLES = 3;

    private record Key(String clientKey, int status, String route) {}

    private static final class Tally {
        final AtomicLong count = new AtomicLong();
        final AtomicReferenceArray<String> samples = new AtomicReferenceArray<>(SAMPLES);

        void add(String correlationId) {
            long n = count.getAndIncrement();
            if (n < SAMPLES && correlationId != null) {
                samples.set((int) n, correlationId);
            }
        }

        List<String> samples() {
            List<String> ids = new ArrayList<>(SAMPLES);
            for (int i = 0; i < SAMPLES; i++) {
                String id = samples.get(i);
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids;
        }
    }

    private static final class Window {
        final ConcurrentMap<Key, Tally> tallies = new ConcurrentHashMap<>();
        final AtomicLong overflow = new AtomicLong();
    }

    private final Clock clock;
    private final long windowMillis;
    private final int maxKeysPerWindow;
    private final ConcurrentMap<Long, Window> windows = new ConcurrentHashMap<>();

    AccessDeniedAggregator(Clock clock, Duration window, int maxKeysPerWindow) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.maxKeysPerWindow = maxKeysPerWindow;
        if (windowMillis < 1) {
            throw new IllegalArgumentException("the security-event window must be at least 1 ms");
        }
    }

    /** Counts one refused request; returns false if its window was full and it only counted as overflow. */
    boolean record(String clientKey, int status, String route, String correlationId) {
        long index = windowIndex(clock.millis());
        Window window = windows.computeIfAbsent(index, ignored -> new Window());
        Key key = new Key(clientKey, status, route);
        Tally tally = window.tallies.get(key);
        if (tally == null) {
            if (window.tallies.size() >= maxKeysPerWindow) {
                window.overflow.incrementAndGet();
                return false;
            }
            tally = window.tallies.computeIfAbsent(key, ignored -> new Tally());
        }
        tally.add(correlationId);
        return true;
    }

    /** The index of the window an instant falls in. */
    long windowIndex(long epochMillis) {
        return Math.floorDiv(epochMillis, windowMillis);
    }

    /** Removes every window that has ended and returns its events. */
    List<AccessDenied> drainEnded() {
        return drain(windowIndex(clock.millis()));
    }

    /** Removes every window, the current one included (shutdown). */
    List<AccessDenied> drainAll() {
        return drain(Long.MAX_VALUE);
    }

    private List<AccessDenied> drain(long beforeIndex) {
        List<AccessDenied> events = new ArrayList<>();
        Iterator<Map.Entry<Long, Window>> iterator = windows.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<Long, Window> entry = iterator.next();
            if (entry.getKey() >= beforeIndex) {
                continue;
            }
            iterator.remove();
            Instant start = Instant.ofEpochMilli(entry.getKey() * windowMillis);
            Instant end = start.plusMillis(windowMillis);
            Window window = entry.getValue();
            window.tallies.forEach((key, tally) -> events.add(new AccessDenied(
                    key.clientKey(),
                    key.status(),
                    key.route(),
                    tally.count.get(),
                    start,
                    end,
                    tally.samples(),
                    false)));
            long overflow = window.overflow.get();
            if (overflow > 0) {
                events.add(new AccessDenied(AccessDenied.OVERFLOW_KEY, 0, "*", overflow, start, end, List.of(), true));
            }
        }
        return events;
    }
}
