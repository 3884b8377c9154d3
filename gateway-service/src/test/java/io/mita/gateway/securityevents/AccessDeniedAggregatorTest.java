package io.mita.gateway.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AccessDeniedAggregatorTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:15:12Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void countsEveryRefusalOfAClientStatusAndRouteInAMinuteAsOneEvent() {
        AccessDeniedAggregator aggregator = new AccessDeniedAggregator(clock, Duration.ofMinutes(1), 10_000);
        for (int i = 0; i < 500; i++) {
            aggregator.record("anonymous:0123456789abcdef", 401, "budget", "c-" + i);
        }
        aggregator.record("anonymous:0123456789abcdef", 429, "budget", "c-x");
        aggregator.record("user:u-1", 401, "auth", null);

        assertThat(aggregator.drainEnded()).as("the window has not ended").isEmpty();
        now.set(Instant.parse("2026-11-22T10:16:00Z"));

        var events = aggregator.drainEnded();
        assertThat(events).hasSize(3);
        AccessDenied flood = events.stream()
                .filter(event -> event.status() == 401 && event.route().equals("budget"))
                .findFirst()
                .orElseThrow();
        assertThat(flood.count()).isEqualTo(500);
        assertThat(flood.windowStart()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
        assertThat(flood.windowEnd()).isEqualTo(Instant.parse("2026-11-22T10:16:00Z"));
        assertThat(flood.sampleCorrelationIds()).containsExactly("c-0", "c-1", "c-2");
        assertThat(flood.overflow()).isFalse();
        assertThat(events)
                .filteredOn(event -> event.clientKey().equals("user:u-1"))
                .singleElement()
                .satisfies(event -> assertThat(event.sampleCorrelationIds()).isEmpty());
        assertThat(aggregator.drainEnded()).as("drained once").isEmpty();
    }

    @Test
    void keepsWindowsApartAndLeavesTheCurrentOneUntilItEnds() {
        AccessDeniedAggregator aggregator = new AccessDeniedAggregator(clock, Duration.ofMinutes(1), 10_000);
        aggregator.record("anonymous:a", 401, "budget", "c-1");
        now.set(Instant.parse("2026-11-22T10:16:30Z"));
        aggregator.record("anonymous:a", 401, "budget", "c-2");

        assertThat(aggregator.drainEnded())
                .singleElement()
                .satisfies(event -> assertThat(event.windowStart()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z")));
        assertThat(aggregator.drainAll())
                .singleElement()
                .satisfies(event -> assertThat(event.windowStart()).isEqualTo(Instant.parse("2026-11-22T10:16:00Z")));
    }

    @Test
    void countsClientsBeyondTheKeyLimitInOneOverflowEvent() {
        AccessDeniedAggregator aggregator = new AccessDeniedAggregator(clock, Duration.ofMinutes(1), 100);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            if (aggregator.record("anonymous:" + i, 401, "budget", null)) {
                accepted++;
            }
        }
        now.set(now.get().plus(Duration.ofMinutes(1)));

        var events = aggregator.drainEnded();

        assertThat(accepted).isEqualTo(100);
        assertThat(events).hasSize(101);
        assertThat(events).filteredOn(AccessDenied::overflow).singleElement().satisfies(overflow -> {
            assertThat(overflow.count()).isEqualTo(9_900);
            assertThat(overflow.clientKey()).isEqualTo("overflow");
        });
    }

    @Test
    void stillCountsAKnownClientWhenTheWindowIsFull() {
        AccessDeniedAggregator aggregator = new AccessDeniedAggregator(clock, Duration.ofMinutes(1), 1);
        aggregator.record("anonymous:a", 401, "budget", null);

        assertThat(aggregator.record("anonymous:b", 401, "budget", null)).isFalse();
        assertThat(aggregator.record("anonymous:a", 401, "budget", null)).isTrue();
    }
}
