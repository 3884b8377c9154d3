import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the local stack's topics in one JVM (TopicCommand takes one topic per run, and a JVM start
 * per topic costs seconds on a 2-core machine). Run by infra/local/mita with the broker classpath:
 *
 * <pre>java -cp "$(cat .mita/kafka/classpath.txt)" infra/kafka/CreateTopics.java \
 *     127.0.0.1:9092 3 60 infra/kafka/topics.txt</pre>
 *
 * Arguments: bootstrap servers, partitions, timeout in seconds, topic list file (one name a line,
 * '#' comments). Idempotent: existing topics are left as they are. Waits for the broker until the
 * timeout, and exits non-zero if a topic is still missing then.
 */
public final class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CreateTopics <bootstrap> <partitions> <timeoutSeconds> <topics-file>");
            System.exit(2);
        }
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[2]));
        List<String> wanted = Files.readAllLines(Path.of(args[3])).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);

        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    Set<String> missing = missingTopics(admin, wanted);
                    if (missing.isEmpty()) {
                        System.out.println("topics ready: " + String.join(", ", wanted));
                        return;
                    }
                    create(admin, missing, partitions);
                } catch (ExecutionException | KafkaException e) {
                    if (Instant.now().isAfter(deadline)) {
                        System.err.println("topics not ready before the timeout: " + e.getMessage());
                        System.exit(1);
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private static Set<String> missingTopics(Admin admin, List<String> wanted) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        return wanted.stream().filter(t -> !existing.contains(t)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void create(Admin admin, Set<String> topics, int partitions) throws Exception {
        List<NewTopic> newTopics = topics.stream()
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
        for (Map.Entry<String, KafkaFuture<Void>> entry : results.entrySet()) {
            try {
                entry.getValue().get();
                System.out.println("created topic " + entry.getKey() + " (" + partitions + " partitions)");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
