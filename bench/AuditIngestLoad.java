import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load for bench/audit-ingest.sh: publishes EVENTS CloudEvents (Kafka binary mode, as the services' outbox relays
 * do) to TOPIC, about USERS subjects, each with data that audit-service must mask before it stores it: an e-mail
 * address (kept as its keyed hash), a password and a card number under sensitive keys, a Luhn-valid card number in
 * free text, nested objects and an array. About 450 bytes of data per event. Eight event types in turn; every tenth
 * event is done by one of ten administrators (actor, source {@code /mita/bench-admin}); five events share a
 * correlation id. With SPREAD_DAYS > 0 the events' own times run evenly over that many days up to now (for time-range
 * queries), else they are the time of publishing. Only loopback brokers.
 * {@code java -cp <kafka-clients>:<slf4j-api> bench/AuditIngestLoad.java BOOTSTRAP TOPIC EVENTS [USERS] [SPREAD_DAYS]}
 */
public class AuditIngestLoad {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("only a loopback broker: " + bootstrap);
        }
        String topic = args[1];
        int events = Integer.parseInt(args[2]);
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int spreadDays = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Instant now = Instant.now();
        long spreadMicros = spreadDays * 86_400_000_000L;
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("acks", "all");
        config.put("linger.ms", "20");
        config.put("batch.size", "262144");
        List<UUID> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add(id("audit-bench-user-" + u));
        }
        String[] types = {"payment.recorded", "payment.refunded", "profile.updated", "login.succeeded",
            "transfer.sent", "transfer.received", "card.added", "card.removed"};
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                int u = i % users;
                UUID user = userIds.get(u);
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(topic, user.toString(), data(i, u, user).getBytes(StandardCharsets.UTF_8));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                boolean byAdmin = i % 10 == 0;
                Instant time = spreadMicros == 0
                        ? Instant.now()
                        : now.minus(spreadMicros / events * (events - i), ChronoUnit.MICROS);
                header(record, "ce_source", byAdmin ? "/mita/bench-admin" : "/mita/bench");
                header(record, "ce_type", "mita.bench." + types[i % types.length] + ".v1");
                header(record, "ce_subject", user.toString());
                header(record, "ce_time", time.truncatedTo(ChronoUnit.MICROS).toString());
                header(record, "ce_actorid", byAdmin ? id("audit-bench-admin-" + (i / 10) % 10).toString() : user.toString());
                header(record, "ce_correlationid", "bench-" + topic + "-" + i / 5);
                header(record, "content-type", "application/json");
                pending.add(producer.send(record));
                if (pending.size() >= 5000) {
                    for (Future<?> f : pending) {
                        f.get();
                    }
                    pending.clear();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
        System.out.printf("published %d events about %d subjects to %s in %.1f s%n",
                events, users, topic, (System.nanoTime() - start) / 1e9);
    }

    private static String data(int i, int u, UUID user) {
        return "{\"paymentId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + user + "\",\"amount\":\""
                + (5 + (i * 37) % 200) + "." + String.format("%02d", i % 100) + "\",\"currency\":\"EUR\","
                + "\"payer\":{\"email\":\"bench.user" + u + "@example.com\",\"password\":\"not-so-secret-" + i + "\","
                + "\"card_number\":\"4111111111111111\",\"address\":{\"city\":\"Vienna\",\"zip\":\"1010\"}},"
                + "\"note\":\"paid with card 4111 1111 1111 1111 at terminal " + (i % 97) + "\","
                + "\"items\":[{\"name\":\"coffee\",\"qty\":2},{\"name\":\"cake\",\"qty\":1}],\"sequence\":" + i + "}";
    }

    /** The same id for the same name in every run, so a benchmark can query it. */
    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
