package io.mita.common.outbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.events.EventExtensions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the outbox to Kafka. Each pass locks a batch of unpublished rows ({@code SKIP LOCKED},
 * so several instances share the work), sends them in order, and stamps the longest prefix that
 * Kafka acknowledged; the rest is retried on the next pass. An event may thus be published twice,
 * never lost; consumers are idempotent on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String LOCK_BATCH = "SELECT " + OutboxRecord.COLUMNS
            + " FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED";
    private static final String MARK_PUBLISHED =
            "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY(:seqs)";
    private static final String MARK_FAILED =
            "UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE seq = :seq";
    private static final String COUNT_PENDING =
            "SELECT count(*) AS pending FROM outbox_event WHERE published_at IS NULL";
    private static final String PURGE =
            "DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => :seconds)";
    private static final long PURGE_EVERY_PASSES = 3000;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final MitaEventsProperties properties;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private volatile Disposable loop;

    public OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            KafkaTemplate<String, CloudEvent> kafka,
            MitaEventsProperties properties,
            MeterRegistry meters) {
        this.database = database;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("mita.outbox.published")
                .description("events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("mita.outbox.publish.failures")
                .description("outbox events Kafka refused")
                .register(meters);
        Gauge.builder("mita.outbox.pending", pending, AtomicLong::get)
                .description("events waiting in the outbox")
                .register(meters);
    }

    @Override
    public void start() {
        loop = Flux.interval(properties.pollInterval(), Schedulers.single())
                .onBackpressureDrop()
                .concatMap(tick -> publishPass().onErrorResume(this::logPassFailure), 1)
                .subscribe();
    }

    /** One pass: publish what is pending; returns how many events Kafka acknowledged. */
    public Mono<Integer> publishPass() {
        Mono<Integer> pass = database.sql(LOCK_BATCH)
                .bind("limit", properties.batchSize())
                .map((row, metadata) -> OutboxRecord.from(row))
                .all()
                .collectList()
                .flatMap(this::publishInOrder)
                .as(transactions::transactional);
        return pass.flatMap(count -> refreshPending().then(purgeNow()).thenReturn(count));
    }

    private Mono<Integer> publishInOrder(List<OutboxRecord> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        return Flux.fromIterable(batch)
                .flatMapSequential(
                        record -> send(record).thenReturn(record).onErrorResume(failure -> markFailed(record, failure)),
                        64)
                .takeWhile(record -> record != FAILED)
                .map(OutboxRecord::seq)
                .collectList()
                .flatMap(this::markPublished);
    }

    private static final OutboxRecord FAILED =
            new OutboxRecord(-1, null, null, null, null, null, null, null, null, null);

    private Mono<Void> send(OutboxRecord record) {
        ProducerRecord<String, CloudEvent> message =
                new ProducerRecord<>(properties.topic(), record.subject(), record.toCloudEvent());
        if (record.traceparent() != null) {
            // besides the ce_traceparent attribute: the plain W3C header a consumer's observation continues from
            message.headers()
                    .add(EventExtensions.TRACEPARENT, record.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return Mono.fromFuture(() -> kafka.send(message)).then();
    }

    private Mono<OutboxRecord> markFailed(OutboxRecord record, Throwable failure) {
        failures.increment();
        String error = String.valueOf(failure.getMessage());
        return database.sql(MARK_FAILED)
                .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
                .bind("seq", record.seq())
                .then()
                .thenReturn(FAILED);
    }

    private Mono<Integer> markPublished(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Mono.just(0);
        }
        return database.sql(MARK_PUBLISHED)
                .bind("seqs", seqs.toArray(Long[]::new))
                .then()
                .doOnSuccess(done -> published.increment(seqs.size()))
                .thenReturn(seqs.size());
    }

    private Mono<Void> refreshPending() {
        return database.sql(COUNT_PENDING)
                .map((row, metadata) -> row.get("pending", Long.class))
                .one()
                .doOnNext(pending::set)
                .then();
    }

    private Mono<Void> purgeNow() {
        if (passes.incrementAndGet() % PURGE_EVERY_PASSES != 0) {
            return Mono.empty();
        }
        return database.sql(PURGE)
                .bind("seconds", (double) properties.retention().toSeconds())
                .then();
    }

    private Mono<Integer> logPassFailure(Throwable failure) {
        log.warn("outbox relay pass failed, will retry: {}", failure.toString());
        return Mono.just(0);
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    /** Stops after the web server stopped taking requests, so the last events still get out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
