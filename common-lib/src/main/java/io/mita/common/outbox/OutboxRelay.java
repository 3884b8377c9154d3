package io.mita.common.outbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.events.EventExtensions;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the outbox to Kafka. Each pass claims a batch of pending rows with a lease in a short
 * transaction ({@link OutboxLeases}: one relay of a database at a time, in {@code seq} order), sends it from
 * the relay's own thread (a send may block up to {@code max.block.ms}; never a database or event-loop thread,
 * never inside a transaction), then stamps the longest prefix Kafka acknowledged and releases the lease. The
 * rest is sent again on the next pass: an event may be published twice, never lost; consumers are idempotent
 * on the event id. An event Kafka refuses for good is parked after {@code parkAfterRefusals} refusals, so
 * it no longer holds back the events behind it; transient failures are retried without end.
 *
 * <p>Passes come every {@code poll-interval} while there is work, every {@code idle-poll-interval} while the outbox
 * is empty, and at once after {@link #wakeUp()}: the {@link OutboxWriter} of this process calls it when a
 * transaction that appended an event commits ({@link RelayLoop}).
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Published events older than the retention are deleted at most this often. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /**
     * How old the gauges' counts may get while every pass publishes all it claimed (a stream of changes): one
     * statement per pass saved, the gauges at most this late (a scrape comes every 15 s or so).
     */
    static final Duration GAUGES_EVERY = Duration.ofSeconds(1);

    private final OutboxLeases leases;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final MitaEventsProperties properties;
    private final String relayId;
    private final Scheduler sender;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parkedNow = new AtomicLong();
    private final Counter passes;
    /** Times the loop's pauses, the gauges' pace and the purge (one clock: a test's virtual time moves all three). */
    private final Scheduler timer = Schedulers.parallel();

    private final RelayLoop loop;
    private final GaugeCountPace gaugeCounts;
    private volatile long nextPurgeNanos;

    public OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            KafkaTemplate<String, CloudEvent> kafka,
            MitaEventsProperties properties,
            MeterRegistry meters) {
        this.leases = new OutboxLeases(database, transactions);
        this.kafka = kafka;
        this.properties = properties;
        this.relayId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        // one thread: passes run one after the other, and a send may block on metadata up to max.block.ms
        this.sender = Schedulers.newBoundedElastic(1, 4, "outbox-relay", 60, true);
        this.published = Counter.builder("mita.outbox.published")
                .description("events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("mita.outbox.publish.failures")
                .description("outbox sends Kafka refused or did not acknowledge")
                .register(meters);
        this.parked = Counter.builder("mita.outbox.parked")
                .description("outbox events parked after Kafka refused them for good")
                .register(meters);
        Gauge.builder("mita.outbox.pending", pending, AtomicLong::get)
                .description("events waiting in the outbox")
                .register(meters);
        Gauge.builder("mita.outbox.parked.events", parkedNow, AtomicLong::get)
                .description("parked events in the outbox, waiting for an operator")
                .register(meters);
        this.passes = Counter.builder("mita.outbox.relay.passes")
                .description(
                        "passes of the outbox relay (one per poll interval while busy, per idle interval while idle)")
                .register(meters);
        this.loop = new RelayLoop(
                this::timedPass,
                properties.pollInterval(),
                properties.idlePollInterval(),
                properties.passSpacing(),
                timer);
        this.gaugeCounts = new GaugeCountPace(properties.batchSize(), GAUGES_EVERY, timer);
        this.nextPurgeNanos = nowNanos() + PURGE_EVERY.toNanos();
    }

    /** Who holds a lease, as stored in {@code claimed_by}. */
    public String relayId() {
        return relayId;
    }

    @Override
    public void start() {
        loop.start();
    }

    /**
     * A pass as soon as the relay can: an event was committed. Cheap and safe from any thread; wake-ups while a pass
     * runs make one more pass, not one each.
     */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** A pass of the loop: whether it found work (published, left events pending, or failed). */
    private Mono<Boolean> timedPass() {
        return publishPass()
                .map(published -> published > 0 || pending.get() > 0)
                .onErrorResume(failure -> logPassFailure(failure).thenReturn(true))
                .doFinally(signal -> passes.increment());
    }

    /**
     * One pass: claim, publish, stamp (which ends the lease of the stamped events), release the lease of the rest;
     * returns how many events were stamped published. A pass that stamped its whole batch releases nothing.
     */
    public Mono<Integer> publishPass() {
        return leases.claim(relayId, properties.batchSize(), properties.lease())
                .flatMap(batch -> batch.isEmpty()
                        ? Mono.just(new Pass(0, 0))
                        : Mono.usingWhen(
                                        Mono.just(batch),
                                        claimed -> publishAndSettle(claimed)
                                                .flatMap(stamped -> stamped == claimed.size()
                                                        ? Mono.just(stamped)
                                                        : leases.release(relayId)
                                                                .thenReturn(stamped)),
                                        claimed -> Mono.empty(),
                                        (claimed, failure) -> leases.release(relayId),
                                        claimed -> leases.release(relayId))
                                .map(stamped -> new Pass(batch.size(), stamped)))
                .flatMap(pass -> gaugesAfter(pass).then(purgeNow()).thenReturn(pass.stamped()));
    }

    /**
     * The gauges' counts after a pass, at {@link GaugeCountPace}'s pace: under a stream of changes most passes publish
     * all they claimed and count only once per {@link #GAUGES_EVERY} (the count was one of their seven statements).
     */
    private Mono<Void> gaugesAfter(Pass pass) {
        return gaugeCounts.countAfter(pass.claimed(), pass.stamped()) ? refreshGauges() : Mono.empty();
    }

    private Mono<Integer> publishAndSettle(List<OutboxRecord> batch) {
        return Mono.fromCallable(() -> sendInOrder(batch))
                .subscribeOn(sender)
                .flatMap(this::awaitAcknowledgements)
                .flatMap(this::settle);
    }

    /** Runs on the relay's thread; stops at a transient failure reported at once (no metadata: the rest would wait too). */
    private List<Send> sendInOrder(List<OutboxRecord> batch) {
        List<Send> sends = new ArrayList<>(batch.size());
        for (OutboxRecord record : batch) {
            Send send = new Send(record, send(record));
            sends.add(send);
            Throwable failedAtOnce = send.failure();
            if (failedAtOnce != null && !PublishRefusals.isPermanent(failedAtOnce)) {
                break;
            }
        }
        return sends;
    }

    private CompletableFuture<?> send(OutboxRecord record) {
        ProducerRecord<String, CloudEvent> message;
        try {
            message = new ProducerRecord<>(properties.topic(), record.subject(), record.toCloudEvent());
            if (record.traceparent() != null) {
                // besides the ce_traceparent attribute: the plain W3C header a consumer's observation continues from
                message.headers()
                        .add(EventExtensions.TRACEPARENT, record.traceparent().getBytes(StandardCharsets.US_ASCII));
            }
        } catch (RuntimeException unbuildable) {
            return CompletableFuture.failedFuture(new PublishRefusals.EnvelopeNotBuiltException(unbuildable));
        }
        try {
            return kafka.send(message);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    private Mono<List<Send>> awaitAcknowledgements(List<Send> sends) {
        CompletableFuture<?>[] acks = sends.stream().map(Send::ack).toArray(CompletableFuture[]::new);
        // what is not acknowledged well within the lease counts as a transient failure and is sent again
        Duration patience = properties.lease().multipliedBy(3).dividedBy(4);
        return Mono.fromFuture(CompletableFuture.allOf(acks).handle((done, failure) -> true), true)
                .timeout(patience, Mono.just(false))
                .thenReturn(sends);
    }

    private Mono<Integer> settle(List<Send> sends) {
        return Flux.fromIterable(sends).concatMap(this::outcome).collectList().flatMap(outcomes -> {
            List<Long> stamped = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            String firstError = null;
            boolean inOrder = true;
            for (Outcome outcome : outcomes) {
                switch (outcome.kind()) {
                    case PUBLISHED -> {
                        if (inOrder) {
                            stamped.add(outcome.seq());
                        }
                    }
                    case PARKED -> {
                        failures.increment();
                        parked.increment();
                    }
                    case REFUSED, FAILED -> {
                        inOrder = false;
                        failures.increment();
                        if (outcome.kind() == Kind.FAILED) {
                            failed.add(outcome.seq());
                            firstError = firstError == null ? outcome.error() : firstError;
                        }
                    }
                }
            }
            if (firstError != null) {
                log.debug("outbox relay: {} event(s) not acknowledged, will retry: {}", failed.size(), firstError);
            }
            return leases.markFailed(failed, firstError)
                    .then(leases.stampPublished(stamped))
                    .doOnSuccess(done -> published.increment(stamped.size()))
                    .thenReturn(stamped.size());
        });
    }

    private Mono<Outcome> outcome(Send send) {
        long seq = send.record().seq();
        if (!send.ack().isDone()) {
            return Mono.just(new Outcome(seq, Kind.FAILED, "no acknowledgement from Kafka in time"));
        }
        Throwable failure = send.failure();
        if (failure == null) {
            return Mono.just(new Outcome(seq, Kind.PUBLISHED, null));
        }
        String reason = PublishRefusals.reason(failure);
        if (!PublishRefusals.isPermanent(failure)) {
            return Mono.just(new Outcome(seq, Kind.FAILED, reason));
        }
        return leases.refuse(seq, reason, properties.parkAfterRefusals()).map(parkedNow -> {
            if (parkedNow) {
                log.warn(
                        "outbox event parked seq={} type={} subject={} reason={}",
                        seq,
                        send.record().type(),
                        send.record().subject(),
                        reason);
                return new Outcome(seq, Kind.PARKED, reason);
            }
            return new Outcome(seq, Kind.REFUSED, reason);
        });
    }

    private Mono<Void> refreshGauges() {
        return leases.counts()
                .doOnNext(counts -> {
                    gaugeCounts.counted();
                    pending.set(counts.pending());
                    parkedNow.set(counts.parked());
                })
                .then();
    }

    private Mono<Void> purgeNow() {
        long now = nowNanos();
        if (now - nextPurgeNanos < 0) {
            return Mono.empty();
        }
        nextPurgeNanos = now + PURGE_EVERY.toNanos();
        return leases.purgePublishedBefore(properties.retention());
    }

    private long nowNanos() {
        return timer.now(TimeUnit.NANOSECONDS);
    }

    private Mono<Integer> logPassFailure(Throwable failure) {
        log.warn("outbox relay pass failed, will retry: {}", failure.toString());
        return Mono.just(0);
    }

    @Override
    public void stop() {
        if (!loop.isRunning()) {
            return;
        }
        loop.stop();
        try {
            // a batch claimed by this relay is free for another instance at once, not after the lease
            leases.release(relayId).block(Duration.ofSeconds(5));
        } catch (RuntimeException failure) {
            log.info("outbox relay could not release its lease, it expires on its own: {}", failure.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stops after the web server stopped taking requests, so the last events still get out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public void destroy() {
        sender.dispose();
    }

    private enum Kind {
        PUBLISHED,
        REFUSED,
        PARKED,
        FAILED
    }

    private record Outcome(long seq, Kind kind, String error) {}

    /** What a pass did: events claimed and stamped published. */
    private record Pass(int claimed, int stamped) {}

    private record Send(OutboxRecord record, CompletableFuture<?> ack) {

        /** The failure of a completed send, or null. */
        Throwable failure() {
            if (!ack.isDone() || !ack.isCompletedExceptionally()) {
                return null;
            }
            return ack.handle((result, failure) -> failure).join();
        }
    }
}
