package io.mita.gateway.securityevents;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.events.EventEnvelope;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes aggregated {@link AccessDenied} events to {@code mita.gateway.v1} as CloudEvents (binary
 * mode, acks=all, idempotent producer): subject and Kafka key are the user id for a verified client,
 * else the client's anonymous key; {@code actorid} is the user id when there is one, {@code correlationid}
 * the first sampled request's, {@code traceparent} the flush's trace when there is one (the envelope is
 * common-lib's {@link EventEnvelope}, as for every outbox event). These events are not written to an outbox (the gateway has no
 * database): the producer retries within its delivery timeout, and what Kafka still refuses is dropped
 * and counted in {@code mita.gateway.security.events.dropped}. Nothing here runs on a request thread.
 */
class AccessDeniedPublisher {

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedPublisher.class);

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final JsonMapper json;
    private final String topic;
    private final URI source;
    private final Supplier<String> traceparent;
    private final Counter published;
    private final Counter dropped;
    private final AtomicBoolean failing = new AtomicBoolean();

    AccessDeniedPublisher(
            KafkaTemplate<String, CloudEvent> kafka,
            JsonMapper json,
            String topic,
            String source,
            Supplier<String> traceparent,
            MeterRegistry meters) {
        requireReliableProducer(kafka.getProducerFactory().getConfigurationProperties());
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.source = URI.create(source);
        this.traceparent = traceparent;
        this.published = Counter.builder("mita.gateway.security.events.published")
                .description("aggregated access-denied events Kafka acknowledged")
                .register(meters);
        this.dropped = Counter.builder("mita.gateway.security.events.dropped")
                .description("aggregated access-denied events dropped because Kafka refused them")
                .register(meters);
    }

    /** The idempotent producer is silently disabled by conflicting settings: refuse to start with them. */
    static void requireReliableProducer(Map<String, Object> config) {
        String acks = String.valueOf(config.get(ProducerConfig.ACKS_CONFIG));
        String idempotence = String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        if (!(acks.equals("all") || acks.equals("-1")) || !idempotence.equals("true")) {
            throw new IllegalStateException(
                    "the gateway's Kafka producer must use acks=all and enable.idempotence=true " + "(found acks="
                            + acks + ", enable.idempotence=" + idempotence + ")");
        }
    }

    /**
     * Sends the events; stops at the first event Kafka refuses at once (broker unreachable: the send
     * waited {@code max.block.ms} for metadata) and counts it and the rest as dropped, so one flush never
     * waits more than one {@code max.block.ms}. The returned future completes when every send has been
     * acknowledged or has failed.
     */
    CompletableFuture<Void> publish(List<AccessDenied> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CompletableFuture<?> send;
            try {
                send = kafka.send(record(events.get(i)));
            } catch (RuntimeException refused) {
                failed(events.size() - i, refused);
                break;
            }
            if (send.isCompletedExceptionally()) {
                // refused within the send itself (no metadata within max.block.ms): Kafka is away, the
                // rest would wait just as long each
                failed(
                        events.size() - i,
                        send.handle((result, failure) -> failure).getNow(null));
                break;
            }
            sends.add(send.whenComplete((result, failure) -> {
                if (failure == null) {
                    published.increment();
                    if (failing.compareAndSet(true, false)) {
                        log.info("security events reach Kafka again");
                    }
                } else {
                    failed(1, failure);
                }
            }));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(failure -> null);
    }

    private void failed(int count, Throwable failure) {
        dropped.increment(count);
        if (failing.compareAndSet(false, true)) {
            log.warn(
                    "security events cannot be published to {}, dropping them until Kafka answers: {}",
                    topic,
                    failure.toString());
        }
    }

    ProducerRecord<String, CloudEvent> record(AccessDenied event) {
        String userId = event.clientKey().startsWith(AccessDenied.USER_PREFIX)
                ? event.clientKey().substring(AccessDenied.USER_PREFIX.length())
                : null;
        String subject =
                userId != null ? userId : event.overflow() ? "gateway:" + AccessDenied.OVERFLOW_KEY : event.clientKey();
        String correlationId = event.sampleCorrelationIds().isEmpty()
                ? null
                : event.sampleCorrelationIds().get(0);
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(),
                source,
                AccessDenied.TYPE,
                subject,
                event.windowEnd().atOffset(ZoneOffset.UTC),
                correlationId,
                userId,
                traceparent.get());
        return new ProducerRecord<>(topic, subject, envelope.wrap(json.writeValueAsBytes(event)));
    }
}
