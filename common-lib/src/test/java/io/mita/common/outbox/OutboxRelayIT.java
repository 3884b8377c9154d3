package io.mita.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.events.OutgoingEvent;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.LogLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutboxRelayIT {

    record Counted(String subject, int n) {}

    record Bulky(String blob) {}

    static final String TYPE = "mita.relaytest.thing.counted.v1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void twoRelaysOnOneDatabasePublishEveryEventAtLeastOnceAndKeepEachSubjectsOrder() throws Exception {
        var outbox = new OutboxTestDatabase();
        String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        var properties = properties(topic, Duration.ofMillis(20), 40, Duration.ofSeconds(30), 3);
        var kafka = OutboxTestDatabase.kafka(Map.of());
        var metersA = new SimpleMeterRegistry();
        var metersB = new SimpleMeterRegistry();
        var relayA = new OutboxRelay(outbox.database, outbox.transactions, kafka, properties, metersA);
        var relayB = new OutboxRelay(outbox.database, outbox.transactions, kafka, properties, metersB);
        OutboxWriter writer = outbox.writer("/mita/relaytest");
        int subjects = 12;
        int perSubject = 40;

        relayA.start();
        relayB.start();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            // each subject written by one writer, one event per transaction, while both relays run
            List<Future<?>> written = new ArrayList<>();
            for (int s = 0; s < subjects; s++) {
                String subject = "subject-" + s + "-" + UUID.randomUUID();
                written.add(writers.submit(() -> {
                    for (int n = 0; n < perSubject; n++) {
                        outbox.append(writer, TYPE, subject, new Counted(subject, n));
                    }
                }));
            }
            for (Future<?> each : written) {
                each.get();
            }

            Map<String, List<Integer>> firstSeenOrder = new LinkedHashMap<>();
            Set<String> seenIds = new LinkedHashSet<>();
            int[] delivered = {0};
            try (KafkaConsumer<String, CloudEvent> consumer = KafkaTestBroker.consumer("relay-order-it")) {
                consumer.subscribe(List.of(topic));
                await().atMost(KafkaTestBroker.patience().multipliedBy(2)).until(() -> {
                    for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        delivered[0]++;
                        if (seenIds.add(record.value().getId())) {
                            JsonNode data =
                                    JSON.readTree(record.value().getData().toBytes());
                            assertThat(record.key())
                                    .isEqualTo(data.get("subject").asString());
                            firstSeenOrder
                                    .computeIfAbsent(record.key(), key -> new ArrayList<>())
                                    .add(data.get("n").asInt());
                        }
                    }
                    return seenIds.size() == subjects * perSubject;
                });
            }
            double publishedByA = metersA.get("mita.outbox.published").counter().count();
            double publishedByB = metersB.get("mita.outbox.published").counter().count();
            System.out.printf(
                    "two relays: written=%d delivered=%d distinct=%d duplicates=%d publishedByA=%.0f publishedByB=%.0f%n",
                    subjects * perSubject,
                    delivered[0],
                    seenIds.size(),
                    delivered[0] - seenIds.size(),
                    publishedByA,
                    publishedByB);

            assertThat(firstSeenOrder).hasSize(subjects);
            firstSeenOrder.forEach((subject, order) ->
                    assertThat(order).as("order of %s", subject).isSorted().hasSize(perSubject));
            assertThat(publishedByA).isPositive();
            assertThat(publishedByB).isPositive();
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.count("status = 'pending'") == 0);
            assertThat(outbox.count("status = 'published'")).isEqualTo((long) subjects * perSubject);
        } finally {
            writers.shutdownNow();
            relayA.stop();
            relayB.stop();
            relayA.destroy();
            relayB.destroy();
            kafka.destroy();
        }
    }

    @Test
    void anEventKafkaRefusesForGoodIsParkedWithItsReasonAndTheEventsBehindItArePublished() {
        OnDemandRelay on = OnDemandRelay.create();
        UUID before = on.outbox().append(on.writer(), TYPE, on.subject(), new Counted(on.subject(), 0));
        UUID tooLarge = on.outbox().append(on.writer(), TYPE, on.subject(), new Bulky("x".repeat(2 * 1024 * 1024)));
        UUID noEnvelope =
                on.outbox().append(on.outbox().writer("not a uri ^"), TYPE, on.subject(), new Counted(on.subject(), 1));
        UUID after = on.outbox().append(on.writer(), TYPE, on.subject(), new Counted(on.subject(), 2));
        try {
            // the first pass publishes what is in front of the refused events and nothing behind them
            assertThat(on.relay().publishPass().block()).isEqualTo(1);
            assertThat(on.outbox().row(after).get("status")).isEqualTo("pending");
            assertThat(on.outbox().row(tooLarge).get("refusals")).isEqualTo(1);
            // the second refusal parks both, and the event behind them goes out in the same pass
            assertThat(on.relay().publishPass().block()).isEqualTo(1);

            Map<String, Object> parkedTooLarge = on.outbox().row(tooLarge);
            assertThat(parkedTooLarge.get("status")).isEqualTo("parked");
            assertThat((String) parkedTooLarge.get("parked_reason")).contains("RecordTooLargeException");
            Map<String, Object> parkedNoEnvelope = on.outbox().row(noEnvelope);
            assertThat(parkedNoEnvelope.get("status")).isEqualTo("parked");
            assertThat((String) parkedNoEnvelope.get("parked_reason")).contains("not a uri");
            assertThat(on.outbox().row(before).get("status")).isEqualTo("published");
            assertThat(on.outbox().row(after).get("status")).isEqualTo("published");
            assertThat(on.outbox().row(after).get("claimed_by")).isNull();
            assertThat(on.meters().get("mita.outbox.parked").counter().count()).isEqualTo(2.0);
            assertThat(on.meters().get("mita.outbox.parked.events").gauge().value())
                    .isEqualTo(2.0);
            assertThat(on.meters().get("mita.outbox.pending").gauge().value()).isZero();

            // the first pass sent the event behind the refusals too, but could not stamp it out of order: sent twice
            assertThat(idsOn(on.topic(), 3)).containsExactly(before.toString(), after.toString(), after.toString());
            // a parked event stays parked: later passes neither send it nor count it again
            assertThat(on.relay().publishPass().block()).isZero();
            assertThat(on.outbox().row(tooLarge).get("refusals")).isEqualTo(2);
        } finally {
            on.relay().destroy();
            on.kafka().destroy();
        }
    }

    @Test
    void aPassThatPublishesAllItClaimedEndsTheLeaseWithItsStampAndCountsThePendingEventsAtMostOnceASecond() {
        OnDemandRelay on = OnDemandRelay.create();
        try {
            on.outbox().append(on.writer(), TYPE, on.subject(), new Counted(on.subject(), 0));
            assertThat(on.relay().publishPass().block()).as("warms the topic").isEqualTo(1);
            long start = System.nanoTime();
            assertThat(on.relay().publishPass().block())
                    .as("finds nothing, so counts")
                    .isZero();
            UUID first = on.outbox().append(on.writer(), TYPE, on.subject(), new Counted(on.subject(), 1));
            UUID second = on.outbox().append(on.writer(), TYPE, on.subject(), new Counted(on.subject(), 2));

            List<String> statements = new ArrayList<>();
            try (LogLines lines = LogLines.of("io.r2dbc.postgresql.QUERY", Level.DEBUG)) {
                assertThat(on.relay().publishPass().block()).isEqualTo(2);
                lines.lines().forEach(line -> statements.add(line.getFormattedMessage()));
            }
            boolean withinASecond = System.nanoTime() - start < OutboxRelay.GAUGES_EVERY.toNanos();

            assertThat(statements)
                    .as("no release after a pass that stamped its whole batch")
                    .noneMatch(sql -> sql.contains("SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by"))
                    .anyMatch(sql -> sql.contains("SET status = 'published'"));
            if (withinASecond) {
                assertThat(statements).as("counted a moment ago").noneMatch(sql -> sql.contains("count(*)"));
            }
            for (UUID id : List.of(first, second)) {
                assertThat(on.outbox().row(id).get("status")).isEqualTo("published");
                assertThat(on.outbox().row(id).get("claimed_by")).isNull();
                assertThat(on.outbox().row(id).get("claimed_until")).isNull();
            }
            assertThat(on.relay().publishPass().block())
                    .as("a pass that finds nothing counts")
                    .isZero();
            assertThat(on.meters().get("mita.outbox.pending").gauge().value()).isZero();
        } finally {
            on.relay().destroy();
            on.kafka().destroy();
        }
    }

    @Test
    void whileKafkaIsUnreachableTheRelaySendsFromItsOwnThreadHoldsNoTransactionAndParksNothing() throws Exception {
        var outbox = new OutboxTestDatabase();
        String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        var unreachable = OutboxTestDatabase.kafka(Map.of(
                "bootstrap.servers", "127.0.0.1:1",
                // long enough that a loaded machine still looks at the leased rows while the send waits
                "max.block.ms", 10000,
                "delivery.timeout.ms", 12000,
                "request.timeout.ms", 2000,
                "interceptor.classes", SendingThreads.class.getName()));
        var brokenRelay = passesOnDemand(outbox, unreachable, topic, new SimpleMeterRegistry());
        OutboxWriter writer = outbox.writer("/mita/relaytest");
        String subject = UUID.randomUUID().toString();
        List<UUID> ids = List.of(
                outbox.append(writer, TYPE, subject, new Counted(subject, 0)),
                outbox.append(writer, TYPE, subject, new Counted(subject, 1)));
        try {
            for (int pass = 0; pass < 2; pass++) {
                // each pass waits for its own send (the first pass's thread names would end the second's wait at once)
                SendingThreads.NAMES.clear();
                CompletableFuture<Integer> running = brokenRelay.publishPass().toFuture();
                // while the send waits for metadata (max.block.ms): the batch is leased, no transaction is open
                await().atMost(Duration.ofSeconds(5)).until(() -> !SendingThreads.NAMES.isEmpty());
                assertThat(outbox.count("claimed_by = $1 AND claimed_until > now()", brokenRelay.relayId()))
                        .isEqualTo(2);
                assertThat(transactionsOpenOn(outbox)).isZero();
                assertThat(running.get(40, TimeUnit.SECONDS)).isZero();
            }
            assertThat(SendingThreads.NAMES).isNotEmpty().allMatch(name -> name.startsWith("outbox-relay"));
            for (UUID id : ids) {
                Map<String, Object> row = outbox.row(id);
                assertThat(row.get("status")).isEqualTo("pending");
                assertThat(row.get("refusals")).isEqualTo(0);
                assertThat(row.get("claimed_by")).isNull();
            }
            assertThat((String) outbox.row(ids.get(0)).get("last_error")).contains("TimeoutException");
            assertThat((Integer) outbox.row(ids.get(0)).get("attempts")).isEqualTo(2);

            // Kafka back: the same rows are published, in order
            var kafka = OutboxTestDatabase.kafka(Map.of());
            var relay = passesOnDemand(outbox, kafka, topic, new SimpleMeterRegistry());
            assertThat(relay.publishPass().block()).isEqualTo(2);
            assertThat(idsOn(topic, 2))
                    .containsExactly(ids.get(0).toString(), ids.get(1).toString());
            relay.destroy();
            kafka.destroy();
        } finally {
            brokenRelay.destroy();
            unreachable.destroy();
        }
    }

    @Test
    void aBatchLeasedByACrashedRelayIsClaimedAgainOnceItsLeaseExpires() {
        var outbox = new OutboxTestDatabase();
        String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        OutboxWriter writer = outbox.writer("/mita/relaytest");
        String subject = UUID.randomUUID().toString();
        UUID id = outbox.append(writer, TYPE, subject, new Counted(subject, 0));
        // a relay that claimed the batch and died before publishing it
        var leases = new OutboxLeases(outbox.database, outbox.transactions);
        assertThat(leases.claim("crashed-relay", 50, Duration.ofSeconds(2)).block())
                .hasSize(1);
        var kafka = OutboxTestDatabase.kafka(Map.of());
        var relay = passesOnDemand(outbox, kafka, topic, new SimpleMeterRegistry());
        try {
            assertThat(relay.publishPass().block()).as("while the lease lives").isZero();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> relay.publishPass().block() == 1);
            assertThat(outbox.row(id).get("status")).isEqualTo("published");
            assertThat(idsOn(topic, 1)).containsExactly(id.toString());
        } finally {
            relay.destroy();
            kafka.destroy();
        }
    }

    @Test
    void anIdleRelayPublishesAnEventCommittedInItsProcessAtOnceInsteadOfAfterItsIdleInterval() {
        var outbox = new OutboxTestDatabase();
        String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        var meters = new SimpleMeterRegistry();
        var kafka = OutboxTestDatabase.kafka(Map.of());
        // idle for an hour: only the writer's wake-up can explain a prompt publish
        var relay = new OutboxRelay(
                outbox.database,
                outbox.transactions,
                kafka,
                properties(topic, Duration.ofMillis(50), Duration.ofHours(1), 50, Duration.ofSeconds(30), 2),
                meters);
        OutboxWriter writer = outbox.writer("/mita/relaytest", relay::wakeUp);
        String subject = UUID.randomUUID().toString();
        try {
            relay.start();
            // the first pass found the outbox empty: the relay now waits its idle interval
            await().atMost(Duration.ofSeconds(30)).until(() -> passes(meters) >= 1);

            UUID id = outbox.append(writer, TYPE, subject, new Counted(subject, 0));

            assertThat(idsOn(topic, 1)).containsExactly(id.toString());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "published".equals(outbox.row(id).get("status")));
        } finally {
            relay.stop();
            relay.destroy();
            kafka.destroy();
        }
    }

    @Test
    void aStreamOfCommitsSharesTheRelaysPassesInsteadOfWakingOnePassEach() throws Exception {
        var outbox = new OutboxTestDatabase();
        String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        var meters = new SimpleMeterRegistry();
        var kafka = OutboxTestDatabase.kafka(Map.of());
        Duration spacing = Duration.ofSeconds(1);
        var relay = new OutboxRelay(
                outbox.database,
                outbox.transactions,
                kafka,
                // polls every 10 s, longer than the stream: every pass in it is a woken one (a pass that published is
                // otherwise followed by a poll one poll interval later, spacing or not)
                properties(topic, Duration.ofSeconds(10), Duration.ofHours(1), spacing, 50, Duration.ofSeconds(30), 2),
                meters);
        OutboxWriter writer = outbox.writer("/mita/relaytest", relay::wakeUp);
        String subject = UUID.randomUUID().toString();
        int events = 20;
        try {
            relay.start();
            // the topic exists and the producer has its metadata: from here on a pass takes milliseconds
            UUID first = outbox.append(writer, TYPE, subject, new Counted(subject, -1));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "published".equals(outbox.row(first).get("status")));
            Thread.sleep(spacing.toMillis());
            double passesBefore = passes(meters);

            // one commit (and one wake-up) per event, 200 ms apart: far longer than a pass over one event takes
            long started = System.nanoTime();
            List<String> written = new ArrayList<>();
            for (int n = 0; n < events; n++) {
                written.add(outbox.append(writer, TYPE, subject, new Counted(subject, n))
                        .toString());
                Thread.sleep(200);
            }
            long writingSpacings = Duration.ofNanos(System.nanoTime() - started).dividedBy(spacing) + 1;

            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.count("status = 'pending'") == 0);
            // every event acknowledged (order and duplicates are the two-relay test's question)
            assertThat(idsOn(topic, events)).containsAll(written);
            double passesTaken = passes(meters) - passesBefore;
            System.out.printf(
                    "stream of commits: events=%d spacing=%s writing spacings=%d passes=%.0f%n",
                    events, spacing, writingSpacings, passesTaken);
            // the first commit's pass at once, then at most one per spacing while commits come (one of slack); a pass
            // per commit would be about 20
            assertThat(passesTaken).isLessThanOrEqualTo(writingSpacings + 2.0);
        } finally {
            relay.stop();
            relay.destroy();
            kafka.destroy();
        }
    }

    @Test
    void anIdleRelayStillFindsAnEventNoWakeUpAnnouncedWithinItsIdleInterval() {
        var outbox = new OutboxTestDatabase();
        String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        var meters = new SimpleMeterRegistry();
        var kafka = OutboxTestDatabase.kafka(Map.of());
        var relay = new OutboxRelay(
                outbox.database,
                outbox.transactions,
                kafka,
                properties(topic, Duration.ofMillis(50), Duration.ofSeconds(1), 50, Duration.ofSeconds(30), 2),
                meters);
        // written by another process (another instance of the service): nobody wakes this relay
        OutboxWriter elsewhere = outbox.writer("/mita/relaytest");
        String subject = UUID.randomUUID().toString();
        try {
            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> passes(meters) >= 1);

            UUID id = outbox.append(elsewhere, TYPE, subject, new Counted(subject, 0));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "published".equals(outbox.row(id).get("status")));
            assertThat(idsOn(topic, 1)).containsExactly(id.toString());
        } finally {
            relay.stop();
            relay.destroy();
            kafka.destroy();
        }
    }

    @Test
    void theWriterAnnouncesEventsOnlyOnceTheirTransactionCommittedAndNeverThoseOfARolledBackOne() {
        var outbox = new OutboxTestDatabase();
        AtomicInteger announced = new AtomicInteger();
        OutboxWriter writer = outbox.writer("/mita/relaytest", announced::incrementAndGet);
        String subject = UUID.randomUUID().toString();

        Integer seenInside = outbox.transactions
                .transactional(writer.append(new OutgoingEvent(TYPE, subject, new Counted(subject, 0)), "actor-it")
                        .then(Mono.fromCallable(announced::get)))
                .block();
        assertThat(seenInside).as("before the commit").isZero();
        assertThat(announced).as("after the commit").hasValue(1);

        assertThatThrownBy(() -> outbox.transactions
                        .transactional(
                                writer.append(new OutgoingEvent(TYPE, subject, new Counted(subject, 1)), "actor-it")
                                        .then(Mono.error(new IllegalStateException("the change failed"))))
                        .block())
                .hasMessageContaining("the change failed");
        assertThat(announced).as("rolled back: nothing to publish").hasValue(1);

        outbox.transactions
                .transactional(writer.appendAll(
                        List.of(
                                new OutgoingEvent(TYPE, subject, new Counted(subject, 2)),
                                new OutgoingEvent(TYPE, subject, new Counted(subject, 3))),
                        "actor-it"))
                .block();
        assertThat(announced).as("two events in one statement, one commit").hasValue(2);

        writer.append(new OutgoingEvent(TYPE, subject, new Counted(subject, 4)), "actor-it")
                .block();
        assertThat(announced).as("no transaction: committed with its statement").hasValue(3);
        assertThat(outbox.count("subject = $1", subject)).isEqualTo(4);
    }

    /** A fresh outbox, a writer and one subject, and a relay the test runs pass by pass ({@link #passesOnDemand}). */
    private record OnDemandRelay(
            OutboxTestDatabase outbox,
            String topic,
            SimpleMeterRegistry meters,
            KafkaTemplate<String, CloudEvent> kafka,
            OutboxRelay relay,
            String subject,
            OutboxWriter writer) {

        static OnDemandRelay create() {
            var outbox = new OutboxTestDatabase();
            String topic = "mita.relaytest-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
            var meters = new SimpleMeterRegistry();
            var kafka = OutboxTestDatabase.kafka(Map.of());
            return new OnDemandRelay(
                    outbox,
                    topic,
                    meters,
                    kafka,
                    passesOnDemand(outbox, kafka, topic, meters),
                    UUID.randomUUID().toString(),
                    outbox.writer("/mita/relaytest"));
        }
    }

    /** A relay that polls once an hour: the test runs its passes itself ({@link OutboxRelay#publishPass()}). */
    private static OutboxRelay passesOnDemand(
            OutboxTestDatabase outbox, KafkaTemplate<String, CloudEvent> kafka, String topic, MeterRegistry meters) {
        return new OutboxRelay(
                outbox.database,
                outbox.transactions,
                kafka,
                properties(topic, Duration.ofHours(1), 50, Duration.ofSeconds(30), 2),
                meters);
    }

    private static double passes(SimpleMeterRegistry meters) {
        return meters.get("mita.outbox.relay.passes").counter().count();
    }

    private static MitaEventsProperties properties(
            String topic, Duration pollInterval, int batchSize, Duration lease, int parkAfterRefusals) {
        return properties(topic, pollInterval, pollInterval, batchSize, lease, parkAfterRefusals);
    }

    private static MitaEventsProperties properties(
            String topic,
            Duration pollInterval,
            Duration idlePollInterval,
            int batchSize,
            Duration lease,
            int parkAfterRefusals) {
        return properties(
                topic, pollInterval, idlePollInterval, Duration.ofMillis(20), batchSize, lease, parkAfterRefusals);
    }

    private static MitaEventsProperties properties(
            String topic,
            Duration pollInterval,
            Duration idlePollInterval,
            Duration passSpacing,
            int batchSize,
            Duration lease,
            int parkAfterRefusals) {
        return new MitaEventsProperties(
                topic,
                "/mita/relaytest",
                pollInterval,
                idlePollInterval,
                passSpacing,
                batchSize,
                Duration.ofDays(7),
                lease,
                parkAfterRefusals);
    }

    private static long transactionsOpenOn(OutboxTestDatabase outbox) {
        return outbox.database
                .sql(
                        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = :db AND state LIKE 'idle in transaction%'")
                .bind("db", outbox.name)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    /** The first {@code expected} event ids on the topic, in their order there (waits until that many arrived). */
    private static List<String> idsOn(String topic, int expected) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = KafkaTestBroker.consumer("relay-it")) {
            consumer.subscribe(List.of(topic));
            await().atMost(KafkaTestBroker.patience()).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> ids.add(record.value().getId()));
                return ids.size() >= expected;
            });
            // anything else that was to come is there within another poll
            consumer.poll(Duration.ofMillis(500))
                    .forEach(record -> ids.add(record.value().getId()));
        }
        return ids;
    }
}
