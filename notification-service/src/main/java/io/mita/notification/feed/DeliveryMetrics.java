package io.mita.notification.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Delivery metrics: {@code mita.notification.sent} and {@code mita.notification.failed} per {@code channel} and
 * {@code kind}, {@code mita.notification.delivery.latency} per channel (from the event's time to the row stored,
 * the mail accepted by the SMTP server), {@code mita.notification.events.ignored} per topic (types this service
 * does not turn into notifications). The SSE connections gauge is registered by the stream.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(String channel, String kind, Instant eventTime) {
        Counter.builder("mita.notification.sent")
                .description("notifications delivered, per channel and kind")
                .tag("channel", channel)
                .tag("kind", kind)
                .register(registry)
                .increment();
        if (eventTime != null) {
            Duration latency = Duration.between(eventTime, Instant.now());
            Timer.builder("mita.notification.delivery.latency")
                    .description("from the event's time to the delivery, per channel")
                    .tag("channel", channel)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    public void failed(String channel, String kind) {
        Counter.builder("mita.notification.failed")
                .description("deliveries that failed for good (e-mail: dead-lettered), per channel and kind")
                .tag("channel", channel)
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    public void ignored(String topic) {
        Counter.builder("mita.notification.events.ignored")
                .description("events of types this service does not notify about, per topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
