import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
 * Load for bench/insights-rebuild.sh: publishes budget-service's transaction events (CloudEvents 1.0, Kafka
 * binary mode, as budget-service's outbox relay does) to mita.budget.v1 — per user: created transactions, every
 * fifth updated once, every tenth deleted. Run with kafka-clients on the class path:
 * {@code java -cp <kafka-clients>:<slf4j-api> bench/InsightsRebuildLoad.java BOOTSTRAP EVENTS [USERS]}.
 * Only loopback brokers.
 */
public class InsightsRebuildLoad {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("only a loopback broker: " + bootstrap);
        }
        int events = Integer.parseInt(args[1]);
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("acks", "all");
        config.put("linger.ms", "20");
        config.put("batch.size", "262144");
        String[] categories = {"groceries", "dining", "transport", "coffee", "rent", "subscriptions"};
        String[] merchants = {"Lidl", "Aldi", "Cafe Central", "Metro", "Netflix", "Landlord"};
        long start = System.nanoTime();
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> pending = new ArrayList<>();
            List<UUID> userIds = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                userIds.add(UUID.randomUUID());
            }
            int n = 0;
            while (sent < events) {
                UUID user = userIds.get(n % users);
                UUID transaction = UUID.randomUUID();
                int i = n++;
                String category = categories[i % categories.length];
                String merchant = merchants[(i / 7) % merchants.length];
                LocalDate day = LocalDate.of(2026, 1 + (i / 97) % 10, 1 + i % 28);
                String amount = (5 + (i * 37) % 200) + "." + String.format("%02d", i % 100);
                pending.add(send(producer, user, "mita.budget.transaction.created.v1",
                        data(transaction, user, amount, category, day, merchant, 0)));
                sent++;
                if (i % 5 == 0 && sent < events) {
                    pending.add(send(producer, user, "mita.budget.transaction.updated.v1",
                            data(transaction, user, amount, category, day.plusDays(1), merchant, 1)));
                    sent++;
                }
                if (i % 10 == 0 && sent < events) {
                    pending.add(send(producer, user, "mita.budget.transaction.deleted.v1",
                            data(transaction, user, amount, category, day.plusDays(1), merchant, 2)));
                    sent++;
                }
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
        System.out.printf("published %d events for %d users in %.1f s%n", sent, users, (System.nanoTime() - start) / 1e9);
    }

    private static String data(
            UUID transaction, UUID user, String amount, String category, LocalDate day, String merchant, int version) {
        return "{\"transactionId\":\"" + transaction + "\",\"userId\":\"" + user + "\",\"type\":\"EXPENSE\",\"amount\":\""
                + amount + "\",\"currency\":\"EUR\",\"category\":\"" + category + "\",\"occurredOn\":\"" + day
                + "\",\"merchant\":\"" + merchant + "\",\"version\":" + version + "}";
    }

    private static Future<?> send(KafkaProducer<String, byte[]> producer, UUID user, String type, String data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                "mita.budget.v1", user.toString(), data.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/mita/budget");
        header(record, "ce_type", type);
        header(record, "ce_subject", user.toString());
        header(record, "content-type", "application/json");
        return producer.send(record);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
