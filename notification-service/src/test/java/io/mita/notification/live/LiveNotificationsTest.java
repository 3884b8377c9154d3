package io.mita.notification.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The per-client buffers: a client that does not read is dropped, the others get everything. */
class LiveNotificationsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final LiveNotifications live = new LiveNotifications(registry);

    @Test
    void aClientThatNeverReadsIsDroppedWhenItsBufferIsFullAndAReadingClientOfTheSameUserGetsEverything() {
        UUID user = UUID.randomUUID();
        LiveNotifications.Client stalled = live.connect(user, 8);
        LiveNotifications.Client reading = live.connect(user, 8);

        StepVerifier stalledResult = StepVerifier.create(stalled.notifications(), 0)
                .expectError(SlowClientException.class)
                .verifyLater();
        StepVerifier readingResult = StepVerifier.create(reading.notifications())
                .expectNextCount(100)
                .thenCancel()
                .verifyLater();

        for (int i = 1; i <= 100; i++) {
            live.dispatch(notification(user, i));
        }

        stalledResult.verify(Duration.ofSeconds(30));
        readingResult.verify(Duration.ofSeconds(30));
        assertThat(registry.get("mita.notification.sse.dropped").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aNotificationReachesOnlyItsOwnUsersClients() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        LiveNotifications.Client alices = live.connect(alice, 8);
        LiveNotifications.Client bobs = live.connect(bob, 8);

        live.dispatch(notification(alice, 1));
        live.dispatch(notification(bob, 2));

        StepVerifier.create(alices.notifications().take(1))
                .assertNext(n -> assertThat(n.userId()).isEqualTo(alice))
                .verifyComplete();
        StepVerifier.create(bobs.notifications().take(1))
                .assertNext(n -> assertThat(n.seq()).isEqualTo(2))
                .verifyComplete();
    }

    @Test
    void theGaugeCountsConnectedClients() {
        UUID user = UUID.randomUUID();
        LiveNotifications.Client first = live.connect(user, 8);
        LiveNotifications.Client second = live.connect(user, 8);
        assertThat(registry.get("mita.notification.sse.connections").gauge().value())
                .isEqualTo(2.0);

        first.close();
        first.close();
        assertThat(live.connections()).isEqualTo(1);
        second.close();
        assertThat(registry.get("mita.notification.sse.connections").gauge().value())
                .isEqualTo(0.0);
    }

    static LiveNotification notification(UUID user, long seq) {
        return new LiveNotification(
                UUID.randomUUID(), seq, user, "INSIGHT", "t" + seq, "b", Instant.now(), Instant.now());
    }
}
