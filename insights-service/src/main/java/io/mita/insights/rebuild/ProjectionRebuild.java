package io.mita.insights.rebuild;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mita.common.events.NonRetryableEventException;
import io.mita.insights.inbound.BudgetEvents;
import io.mita.insights.projection.PlanState;
import io.mita.insights.projection.ProjectionChange;
import io.mita.insights.projection.ProjectionStore;
import io.mita.insights.projection.TransactionState;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds the projections from the beginning of {@code mita.budget.v1}: stops the live listener, reads every
 * partition from its first offset up to the end offset it had when the rebuild began (by assignment, no
 * consumer group), applies the events by the same rules as the live consumer ({@link BudgetEvents}; the latest
 * version of each transaction and plan wins) into the shadow tables in multi-row statements, then in one database
 * transaction swaps them in and recomputes every aggregate, schedules every user-month's insights, and starts the
 * live listener again. Events the live listener then receives again are harmless (processed-event inbox, versions).
 * One rebuild at a time per instance. It stops only this instance's consumer, so it refuses to run while another
 * member is in the live consumer group ({@link LiveConsumerGroup}): before it starts (409, nothing stopped), and again
 * inside the swap's transaction once the live tables are locked (no swap, shadow dropped, 409); when Kafka cannot say,
 * 503. Refusals are counted in {@code mita.insights.rebuild.refused{stage,reason}} (docs/insights.md, "Rebuild").
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);
    private static final int ROWS_PER_STATEMENT = 500;

    private final KafkaProperties kafka;
    private final BudgetEvents events;
    private final ProjectionStore store;
    private final TransactionalOperator inTransaction;
    private final KafkaListenerEndpointRegistry listeners;
    private final LiveConsumerGroup group;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String topic;
    private final AtomicBoolean running = new AtomicBoolean();

    ProjectionRebuild(
            KafkaProperties kafka,
            BudgetEvents events,
            ProjectionStore store,
            TransactionalOperator inTransaction,
            KafkaListenerEndpointRegistry listeners,
            LiveConsumerGroup group,
            MeterRegistry meters,
            Clock clock,
            @Value("${mita.insights.budget-topic}") String topic) {
        this.kafka = kafka;
        this.events = events;
        this.store = store;
        this.inTransaction = inTransaction;
        this.listeners = listeners;
        this.group = group;
        this.meters = meters;
        this.clock = clock;
        this.topic = topic;
    }

    /** Where a rebuild checks that no other member is in the live consumer group. */
    enum Stage {
        /** before anything is stopped or written */
        START,
        /** inside the swap's transaction, with the live tables locked */
        SWAP
    }

    /** What a rebuild read and applied. */
    public record RebuildReport(
            long records, long applied, long ignored, long refused, long millis, long eventsPerSecond) {}

    /**
     * Blocks until the rebuild is done; throws {@link RebuildAlreadyRunningException} when one is running,
     * {@link OtherConsumersException} when another member is in the live consumer group (at the start or at the swap),
     * {@link ConsumerGroupUnknownException} when Kafka cannot describe the group.
     */
    public RebuildReport rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new RebuildAlreadyRunningException();
        }
        MessageListenerContainer live = listeners.getListenerContainer(BudgetEvents.LISTENER_ID);
        boolean stopped = false;
        long started = System.nanoTime();
        try {
            aloneInTheGroup(Stage.START);
            if (live != null) {
                live.stop();
                stopped = true;
            }
            // this instance's consumer committed its last offsets when it stopped: they stay so unless another
            // consumer applies events, even one that joins and leaves during the replay
            Map<String, Long> offsetsAtStart = checked(Stage.START, group::committedOffsets);
            store.clearShadow().block(STATEMENT_TIMEOUT);
            long[] counts = replay();
            OffsetDateTime due = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
            Mono<Void> stillAlone = Mono.fromRunnable(() -> {
                        aloneInTheGroup(Stage.SWAP);
                        offsetsUnmoved(offsetsAtStart);
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .then();
            try {
                inTransaction
                        .transactional(
                                store.swapInShadowAndRecomputeAll(stillAlone).then(store.scheduleAllRefreshes(due)))
                        .block(STATEMENT_TIMEOUT);
            } catch (OtherConsumersException | ConsumerGroupUnknownException notSwapped) {
                // rolled back: the live tables are as before; the shadow is dropped, as the next rebuild would
                try {
                    store.clearShadow().block(STATEMENT_TIMEOUT);
                } catch (RuntimeException notCleared) {
                    notSwapped.addSuppressed(notCleared);
                }
                throw notSwapped;
            }
            long nanos = System.nanoTime() - started;
            Timer.builder("mita.insights.rebuild.duration")
                    .description("projection rebuilds, from the stop of the live consumer to the swap")
                    .register(meters)
                    .record(Duration.ofNanos(nanos));
            long millis = Math.max(1, nanos / 1_000_000);
            RebuildReport report =
                    new RebuildReport(counts[0], counts[1], counts[2], counts[3], millis, counts[0] * 1000 / millis);
            log.info(
                    "projections rebuilt records={} applied={} ignored={} refused={} millis={} eventsPerSecond={}",
                    report.records(),
                    report.applied(),
                    report.ignored(),
                    report.refused(),
                    report.millis(),
                    report.eventsPerSecond());
            return report;
        } finally {
            if (stopped) {
                live.start();
            }
            running.set(false);
        }
    }

    /** Throws unless Kafka says that no member other than this instance's live consumer is in the live group. */
    private void aloneInTheGroup(Stage stage) {
        OtherConsumers others = checked(stage, group::others);
        if (!others.none()) {
            refused(stage, "other_consumers");
            log.warn("projection rebuild refused stage={}: {}", stage, others.describe());
            throw new OtherConsumersException(others, stage);
        }
    }

    /** Throws unless the live group's committed offsets are those of the start. */
    private void offsetsUnmoved(Map<String, Long> atStart) {
        Map<String, String> moved = OtherConsumers.movedOffsets(atStart, checked(Stage.SWAP, group::committedOffsets));
        if (!moved.isEmpty()) {
            refused(Stage.SWAP, "offsets_moved");
            log.warn(
                    "projection rebuild refused stage={}: offsets of group {} moved {}",
                    Stage.SWAP,
                    group.group(),
                    moved);
            throw new OtherConsumersException(group.group(), moved);
        }
    }

    /** Kafka's answer; when there is none, the refusal counted and the 503 thrown. */
    private <T> T checked(Stage stage, Supplier<T> question) {
        try {
            return question.get();
        } catch (ConsumerGroupUnknownException unknown) {
            refused(stage, "group_unknown");
            log.warn("projection rebuild refused stage={}: {}", stage, unknown.detail());
            throw unknown;
        }
    }

    private void refused(Stage stage, String reason) {
        Counter.builder("mita.insights.rebuild.refused")
                .description("projection rebuilds refused before their start or their swap, by stage and reason")
                .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    /** Whether a rebuild is running on this instance. */
    boolean isRunning() {
        return running.get();
    }

    /** records, applied, ignored (types not used), refused (what the live consumer dead-letters). */
    private long[] replay() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        long records = 0;
        long applied = 0;
        long ignored = 0;
        long refused = 0;
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(
                config, new StringDeserializer(), new ErrorHandlingDeserializer<>(new CloudEventDeserializer()))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            List<TopicPartition> partitions = infos == null
                    ? List.of()
                    : infos.stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            if (partitions.isEmpty()) {
                return new long[] {0, 0, 0, 0};
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long lastProgress = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, CloudEvent> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                        throw new IllegalStateException(
                                "rebuild read nothing of " + topic + " for " + STALL_LIMIT + ", end offsets " + end);
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                Map<UUID, TransactionState> transactions = new LinkedHashMap<>();
                Map<String, PlanState> plans = new LinkedHashMap<>();
                for (ConsumerRecord<String, CloudEvent> record : batch) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // arrived after the rebuild began: the live listener applies it
                    }
                    records++;
                    if (record.value() == null) {
                        refused++; // not a CloudEvent: the live consumer dead-letters it
                        continue;
                    }
                    Optional<ProjectionChange> change;
                    try {
                        change = events.read(record.value());
                    } catch (NonRetryableEventException
                            | IllegalArgumentException
                            | tools.jackson.core.JacksonException refusedForGood) {
                        refused++;
                        continue;
                    }
                    if (change.isEmpty()) {
                        ignored++;
                        continue;
                    }
                    applied++;
                    keepLatest(change.get(), transactions, plans);
                }
                write(transactions, plans);
            }
        }
        return new long[] {records, applied, ignored, refused};
    }

    /** The rule of the live consumer within one batch: a greater version of the same owner wins, the first of equals. */
    private static void keepLatest(
            ProjectionChange change, Map<UUID, TransactionState> transactions, Map<String, PlanState> plans) {
        if (change instanceof TransactionState state) {
            TransactionState kept = transactions.get(state.transactionId());
            if (kept == null || (kept.userId().equals(state.userId()) && state.version() > kept.version())) {
                transactions.put(state.transactionId(), state);
            }
        } else {
            PlanState plan = (PlanState) change;
            String key = plan.userId() + "|" + plan.month();
            PlanState kept = plans.get(key);
            if (kept == null || plan.version() > kept.version()) {
                plans.put(key, plan);
            }
        }
    }

    private void write(Map<UUID, TransactionState> transactions, Map<String, PlanState> plans) {
        List<TransactionState> all = new ArrayList<>(transactions.values());
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            store.upsertTransactions(
                            ProjectionStore.Tables.SHADOW,
                            all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)))
                    .block(STATEMENT_TIMEOUT);
        }
        for (PlanState plan : plans.values()) {
            store.upsertPlan(ProjectionStore.Tables.SHADOW, plan).block(STATEMENT_TIMEOUT);
        }
    }
}
