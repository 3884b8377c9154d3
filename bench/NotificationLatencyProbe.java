import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * bench/notification-latency.sh's probe (issue 11, "Measured"). Three commands, loopback only:
 *
 * <pre>
 * users       AUTH_URL COUNT OUT_FILE                register and log in COUNT users at auth-service (4 at a time),
 *                                                    one "userId accessToken" line each
 * latency     BOOTSTRAP NOTIFICATION_URL MGMT_URL JDBC_URL USERS_FILE [--users N] [--rate R] [--seconds S]
 *             [--rounds K] [--warmup W]
 * connections BOOTSTRAP NOTIFICATION_URL MGMT_URL USERS_FILE PID [--connections N] [--events-per-user E]
 *             [--rate R] [--hold S]
 * </pre>
 *
 * <p>Events are budget-service's {@code mita.budget.threshold.reached.v1} (the golden file's members; CloudEvents
 * binary mode as the outbox relay writes them) on {@code mita.budget.v1}, each with a category {@code bench-<n>}
 * that notification-service puts into the notification's title: that is how a row, a LISTEN announcement and an
 * SSE message are matched to the event. The event time is the instant just before {@code send} (also its
 * {@code ce_time}); every latency is measured on this JVM's monotonic clock from it.
 *
 * <p>latency: N users each hold one SSE stream (direct to notification-service, not through the gateway); per
 * round, S seconds of events at R/s spread over the users; measured per event: (baseline) a plain Kafka consumer of
 * the same topic receiving the record, (db) the {@code pg_notify} announcement notification-service sends in the
 * transaction that stores the row, received on a LISTEN connection of this probe: PostgreSQL delivers it when the
 * transaction commits, i.e. when the row becomes visible, and (sse) the message at the SSE client.
 *
 * <p>connections: N users each open one SSE stream; RSS (VmRSS of /proc/PID/status) of notification-service before,
 * with the streams open, after E events per user at R/s, and after holding S seconds; every stream must receive
 * exactly its user's events, and heartbeats.
 */
public class NotificationLatencyProbe {

    static final String TOPIC = "mita.budget.v1";
    static final String TYPE = "mita.budget.threshold.reached.v1";
    static final Pattern MARKER = Pattern.compile("bench-(\\d+)");
    static final Pattern USER_ID = Pattern.compile("\"userId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SSE_GAUGE =
            Pattern.compile("(?m)^mita_notification_sse_connections(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)");
    static final Duration DRAIN = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        switch (args[0]) {
            case "users" -> users(args);
            case "latency" -> latency(args);
            case "connections" -> connections(args);
            default -> usage();
        }
        System.exit(0); // HttpClient and Kafka threads
    }

    private static void usage() {
        System.err.println("usage: NotificationLatencyProbe users|latency|connections ... (see the class comment)");
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------------------- users

    static void users(String[] args) throws Exception {
        URI auth = loopback(args[1]);
        int count = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String[] lines = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String body = "{\"email\":\"notify-" + run + "-" + i + "@bench.mita.local\",\"password\":"
                            + "\"violet harbour lanterns " + i + " " + UUID.randomUUID().toString().substring(0, 13)
                            + "\",\"displayName\":\"bench\"}";
                    try {
                        Matcher user = USER_ID.matcher(post(http, auth.resolve("/api/auth/register"), body));
                        Matcher token = ACCESS_TOKEN.matcher(post(http, auth.resolve("/api/auth/login"), body));
                        if (user.find() && token.find()) {
                            lines[i] = user.group(1) + " " + token.group(1);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<String> ok = Arrays.stream(lines).filter(line -> line != null).toList();
        Files.write(out, ok);
        System.out.printf(
                "users: %d registered and logged in, %d failed, in %.1f s%n",
                ok.size(), failures.get(), (System.nanoTime() - started) / 1e9);
        if (ok.size() < count) {
            System.exit(1);
        }
    }

    private static String post(HttpClient http, URI uri, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(uri.getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    // ---------------------------------------------------------------------------------------------- latency

    static void latency(String[] args) throws Exception {
        String bootstrap = loopbackBroker(args[1]);
        URI notification = loopback(args[2]);
        URI management = loopback(args[3]);
        String jdbc = args[4];
        if (!jdbc.startsWith("jdbc:postgresql://127.0.0.1:") && !jdbc.startsWith("jdbc:postgresql://localhost:")) {
            throw new IllegalArgumentException("only a loopback database: " + jdbc);
        }
        List<String[]> users = readUsers(Path.of(args[5]));
        Map<String, String> options = options(args, 6);
        int userCount = Math.min(users.size(), Integer.parseInt(options.getOrDefault("--users", "100")));
        int rate = Integer.parseInt(options.getOrDefault("--rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "20"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "10"));
        int perRound = rate * seconds;
        int total = rate * warmup + rounds * perRound;
        Timeline timeline = new Timeline(total, users.subList(0, userCount));

        ExecutorService sseThreads = Executors.newFixedThreadPool(2);
        HttpClient http = sseClient(sseThreads);
        double earlier = awaitNoStreams(http, management);
        List<Stream> streams = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            streams.add(Stream.open(http, notification, users.get(u)[1], u, timeline));
        }
        awaitStreams(http, management, earlier + userCount, streams);

        AtomicBoolean stop = new AtomicBoolean();
        Thread baseline = new Thread(() -> consumeBaseline(bootstrap, timeline, stop), "baseline-consumer");
        Thread listen = new Thread(() -> listen(jdbc, timeline, stop), "listen");
        baseline.start();
        listen.start();
        timeline.awaitListening();

        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            System.out.printf(
                    "latency: %d users with one SSE stream each, %d events/s; warm-up %d s, then %d rounds of %d s%n",
                    userCount, rate, warmup, rounds, seconds);
            int from = 0;
            if (warmup > 0) {
                publish(producer, timeline, from, rate * warmup, rate);
                timeline.awaitAll(from, rate * warmup, DRAIN, Timeline.KAFKA, Timeline.DB, Timeline.SSE);
                from += rate * warmup;
            }
            System.out.printf(
                    "%-6s %10s %10s %10s %10s %10s %10s %8s %8s %8s  %s%n",
                    "round", "kafka_p50", "kafka_p99", "db_p50", "db_p99", "sse_p50", "sse_p99", "lost_db",
                    "lost_sse", "sent/s", "load");
            List<double[]> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                double achieved = publish(producer, timeline, from, perRound, rate);
                timeline.awaitAll(from, perRound, DRAIN, Timeline.KAFKA, Timeline.DB, Timeline.SSE);
                double[] row = {
                    timeline.percentile(Timeline.KAFKA, from, perRound, 50),
                    timeline.percentile(Timeline.KAFKA, from, perRound, 99),
                    timeline.percentile(Timeline.DB, from, perRound, 50),
                    timeline.percentile(Timeline.DB, from, perRound, 99),
                    timeline.percentile(Timeline.SSE, from, perRound, 50),
                    timeline.percentile(Timeline.SSE, from, perRound, 99),
                    timeline.missing(Timeline.DB, from, perRound),
                    timeline.missing(Timeline.SSE, from, perRound)
                };
                results.add(row);
                System.out.printf(
                        "%-6d %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f %8.0f %8.0f %8.1f  %s%n",
                        r, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], achieved, loadAverage());
                from += perRound;
            }
            System.out.printf("-- median [min-max] of %d rounds, milliseconds from the event's time%n", rounds);
            String[] names = {"kafka p50", "kafka p99", "db p50", "db p99", "sse p50", "sse p99"};
            for (int i = 0; i < names.length; i++) {
                System.out.printf("%-10s %s%n", names[i], stats(column(results, i)));
            }
            double[] dbRatio = ratios(results, 3, 1);
            double[] sseRatio = ratios(results, 5, 1);
            System.out.printf("db p99 / kafka p99 per round:  %s%n", stats(dbRatio));
            System.out.printf("sse p99 / kafka p99 per round: %s%n", stats(sseRatio));
            long lostDb = Math.round(Arrays.stream(column(results, 6)).sum());
            long lostSse = Math.round(Arrays.stream(column(results, 7)).sum());
            System.out.printf(
                    "RESULT latency users=%d rate=%d rounds=%d db_p99_ms=%.1f sse_p99_ms=%.1f kafka_p99_ms=%.1f"
                            + " sse_over_kafka_p99=%.2f lost_db=%d lost_sse=%d duplicates_sse=%d goal_p99_ms=500%n",
                    userCount, rate, rounds, median(column(results, 3)), median(column(results, 5)),
                    median(column(results, 1)), median(sseRatio), lostDb, lostSse, timeline.duplicates.get());
        } finally {
            stop.set(true);
            streams.forEach(Stream::close);
            baseline.join(10_000);
            listen.join(10_000);
            sseThreads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------- connections

    static void connections(String[] args) throws Exception {
        String bootstrap = loopbackBroker(args[1]);
        URI notification = loopback(args[2]);
        URI management = loopback(args[3]);
        List<String[]> users = readUsers(Path.of(args[4]));
        long pid = Long.parseLong(args[5]);
        Map<String, String> options = options(args, 6);
        int count = Math.min(users.size(), Integer.parseInt(options.getOrDefault("--connections", "1000")));
        int perUser = Integer.parseInt(options.getOrDefault("--events-per-user", "3"));
        int rate = Integer.parseInt(options.getOrDefault("--rate", "200"));
        int hold = Integer.parseInt(options.getOrDefault("--hold", "40"));
        int total = count * perUser;
        Timeline timeline = new Timeline(total, users.subList(0, count));

        System.out.printf("connections: %d SSE streams, one per user, %d events per user at %d/s, held %d s%n",
                count, perUser, rate, hold);
        ExecutorService sseThreads = Executors.newFixedThreadPool(2);
        HttpClient http = sseClient(sseThreads);
        double earlier = awaitNoStreams(http, management);
        long rssBefore = rssKb(pid);
        List<Stream> streams = new ArrayList<>();
        long opening = System.nanoTime();
        for (int u = 0; u < count; u++) {
            streams.add(Stream.open(http, notification, users.get(u)[1], u, timeline));
        }
        awaitStreams(http, management, earlier + count, streams);
        System.out.printf("streams open: %d in %.1f s%n", count, (System.nanoTime() - opening) / 1e9);
        long rssOpen = rssKb(pid);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            publish(producer, timeline, 0, total, rate);
        }
        timeline.awaitAll(0, total, DRAIN, Timeline.SSE);
        long rssDelivered = rssKb(pid);
        long heartbeatsBefore = streams.stream().mapToLong(s -> s.heartbeats.get()).sum();
        Thread.sleep(hold * 1000L);
        long rssHeld = rssKb(pid);
        int[] received = new int[count];
        int wrongUser = 0;
        for (int n = 0; n < total; n++) {
            int stream = timeline.sseStream.get(n) == 0 ? -1 : (int) timeline.sseStream.get(n) - 1;
            if (stream >= 0) {
                if (stream == timeline.userOf(n)) {
                    received[stream]++;
                } else {
                    wrongUser++;
                }
            }
        }
        int complete = 0;
        int withHeartbeats = 0;
        long[] heartbeats = new long[count];
        for (int u = 0; u < count; u++) {
            if (received[u] == perUser) {
                complete++;
            }
            heartbeats[u] = streams.get(u).heartbeats.get();
            if (heartbeats[u] > 0) {
                withHeartbeats++;
            }
        }
        long open = streams.stream().filter(s -> !s.ended.get()).count();
        Arrays.sort(heartbeats);
        long heartbeatsDuringHold = streams.stream().mapToLong(s -> s.heartbeats.get()).sum() - heartbeatsBefore;
        System.out.printf(
                "RSS of notification-service (VmRSS): before %d MB, streams open %d MB, events delivered %d MB,"
                        + " after %d s %d MB%n",
                rssBefore / 1024, rssOpen / 1024, rssDelivered / 1024, hold, rssHeld / 1024);
        long growth = Math.max(Math.max(rssOpen, rssDelivered), rssHeld) - rssBefore;
        System.out.printf(
                "streams receiving every event of their user: %d of %d (messages for another user: %d,"
                        + " duplicates: %d); streams still open: %d; streams with heartbeats: %d of %d"
                        + " (per stream min %d, median %d, max %d; %d during the hold)%n",
                complete, count, wrongUser, timeline.duplicates.get(), open, withHeartbeats, count, heartbeats[0],
                heartbeats[count / 2], heartbeats[count - 1], heartbeatsDuringHold);
        System.out.printf(
                "RESULT connections=%d events=%d complete=%d heartbeat_streams=%d rss_before_mb=%d rss_growth_mb=%d"
                        + " goal_growth_mb=100 load=%s%n",
                count, total, complete, withHeartbeats, rssBefore / 1024, growth / 1024, loadAverage());
        streams.forEach(Stream::close);
        sseThreads.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- parts

    /** The event numbers and what happened to each: its send time and when each observer saw it (nanoTime). */
    static final class Timeline {
        static final int KAFKA = 0;
        static final int DB = 1;
        static final int SSE = 2;

        final int size;
        final List<String[]> users;
        final long[] sent;
        final AtomicLongArray[] seen;
        /** 1 + the stream index that received event n (0: none yet). */
        final AtomicLongArray sseStream;
        final AtomicLong duplicates = new AtomicLong();
        final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(2);
        final long base = Long.parseLong(Long.toString(System.currentTimeMillis()).substring(4)) * 1_000_000L;

        Timeline(int size, List<String[]> users) {
            this.size = size;
            this.users = users;
            this.sent = new long[size];
            this.seen = new AtomicLongArray[] {
                new AtomicLongArray(size), new AtomicLongArray(size), new AtomicLongArray(size)
            };
            this.sseStream = new AtomicLongArray(size);
        }

        /** Markers are unique to this run (a base from the clock plus the event number): late messages of an
         * earlier run are never counted. */
        String marker(int n) {
            return "bench-" + (base + n);
        }

        /** The event number of a text naming a marker of this run, or -1. */
        int eventOf(CharSequence text) {
            Matcher matcher = MARKER.matcher(text);
            if (!matcher.find()) {
                return -1;
            }
            long n = Long.parseLong(matcher.group(1)) - base;
            return n >= 0 && n < size ? (int) n : -1;
        }

        int userOf(int n) {
            return n % users.size();
        }

        void saw(int observer, int n, long at) {
            if (!seen[observer].compareAndSet(n, 0, at) && observer == SSE) {
                duplicates.incrementAndGet();
            }
        }

        void awaitListening() throws InterruptedException {
            if (!listening.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the baseline consumer or the LISTEN connection did not start");
            }
        }

        /** Waits until each observer saw events [from, from + count), or the patience ends. */
        void awaitAll(int from, int count, Duration patience, int... observers) throws InterruptedException {
            long end = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < end) {
                boolean all = true;
                for (int observer : observers) {
                    all &= missing(observer, from, count) == 0;
                }
                if (all) {
                    return;
                }
                Thread.sleep(100);
            }
        }

        double missing(int observer, int from, int count) {
            int missing = 0;
            for (int n = from; n < from + count; n++) {
                if (seen[observer].get(n) == 0) {
                    missing++;
                }
            }
            return missing;
        }

        double percentile(int observer, int from, int count, int p) {
            long[] latencies = new long[count];
            int k = 0;
            for (int n = from; n < from + count; n++) {
                long at = seen[observer].get(n);
                if (at != 0) {
                    latencies[k++] = at - sent[n];
                }
            }
            if (k == 0) {
                return Double.NaN;
            }
            long[] got = Arrays.copyOf(latencies, k);
            Arrays.sort(got);
            int index = (int) Math.ceil(p / 100.0 * k) - 1;
            return got[Math.max(0, Math.min(index, k - 1))] / 1e6;
        }
    }

    /** One SSE stream of one user: counts messages per event and heartbeats (comment lines). */
    static final class Stream implements Flow.Subscriber<String> {
        final int index;
        final Timeline timeline;
        final AtomicLong heartbeats = new AtomicLong();
        final AtomicBoolean connected = new AtomicBoolean();
        final AtomicBoolean ended = new AtomicBoolean();
        volatile Flow.Subscription subscription;
        volatile java.util.concurrent.CompletableFuture<?> response;

        private Stream(int index, Timeline timeline) {
            this.index = index;
            this.timeline = timeline;
        }

        static Stream open(HttpClient http, URI base, String token, int index, Timeline timeline) {
            Stream stream = new Stream(index, timeline);
            stream.response = http.sendAsync(
                            HttpRequest.newBuilder(base.resolve("/api/notifications/stream"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "text/event-stream")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.fromLineSubscriber(stream))
                    .whenComplete((r, failure) -> stream.ended.set(true));
            return stream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            connected.set(true);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) {
                heartbeats.incrementAndGet();
            } else if (line.startsWith("data:")) {
                long at = System.nanoTime();
                int n = timeline.eventOf(line);
                if (n >= 0) {
                    timeline.saw(Timeline.SSE, n, at);
                    timeline.sseStream.compareAndSet(n, 0, index + 1);
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended.set(true);
        }

        @Override
        public void onComplete() {
            ended.set(true);
        }

        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            if (response != null) {
                response.cancel(true);
            }
        }
    }

    private static HttpClient sseClient(ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    /** notification-service's count of open SSE streams (its gauge on the management port). */
    private static double sseGauge(HttpClient http, URI management) throws Exception {
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(management.resolve("/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher gauge = SSE_GAUGE.matcher(metrics.body());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : 0;
    }

    /** Waits (up to 30 s) until streams of an earlier run are gone; answers how many are still counted. */
    private static double awaitNoStreams(HttpClient http, URI management) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        double open = sseGauge(http, management);
        while (open > 0 && System.nanoTime() < end) {
            Thread.sleep(250);
            open = sseGauge(http, management);
        }
        return open;
    }

    /** Waits until notification-service counts every new stream, so no event is sent before its client listens. */
    private static void awaitStreams(HttpClient http, URI management, double expected, List<Stream> streams)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        double connected = -1;
        while (System.nanoTime() < end) {
            connected = sseGauge(http, management);
            if (connected >= expected) {
                return;
            }
            long ended = streams.stream().filter(s -> s.ended.get()).count();
            if (ended > 0) {
                throw new IllegalStateException(ended + " SSE streams ended while opening (expired tokens?)");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("notification-service counts " + connected + " of " + expected + " streams");
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("acks", "all");
        config.put("linger.ms", "0");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends events [from, from + count) at {@code rate} per second (open loop); answers the rate achieved. */
    private static double publish(KafkaProducer<String, byte[]> producer, Timeline timeline, int from, int count, int rate) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        for (int i = 0; i < count; i++) {
            int n = from + i;
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String user = timeline.users.get(timeline.userOf(n))[0];
            String data = "{\"userId\":\"" + user + "\",\"month\":\"" + month + "\",\"category\":\"" + timeline.marker(n)
                    + "\",\"percent\":80,\"allocated\":\"400.00\",\"spent\":\"321.40\",\"currency\":\"EUR\"}";
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(TOPIC, user, data.getBytes(StandardCharsets.UTF_8));
            timeline.sent[n] = System.nanoTime();
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_source", "/mita/budget");
            header(record, "ce_type", TYPE);
            header(record, "ce_subject", user);
            header(record, "ce_time", Instant.now().toString());
            header(record, "content-type", "application/json");
            producer.send(record);
        }
        producer.flush();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The baseline: a plain consumer of the topic (no group, from its end) sees each record. */
    private static void consumeBaseline(String bootstrap, Timeline timeline, AtomicBoolean stop) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("enable.auto.commit", "false");
        config.put("fetch.max.wait.ms", "100");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(TOPIC, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets before anything is sent
            timeline.listening.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long at = System.nanoTime();
                    int n = timeline.eventOf(new String(record.value(), StandardCharsets.UTF_8));
                    if (n >= 0) {
                        timeline.saw(Timeline.KAFKA, n, at);
                    }
                }
            }
        }
    }

    /** LISTEN on notification-service's channel: an announcement arrives when the row's transaction commits. */
    private static void listen(String jdbc, Timeline timeline, AtomicBoolean stop) {
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN mita_notification");
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            timeline.listening.countDown();
            while (!stop.get()) {
                PGNotification[] notifications = pg.getNotifications(200);
                long at = System.nanoTime();
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        int n = timeline.eventOf(notification.getParameter());
                        if (n >= 0) {
                            timeline.saw(Timeline.DB, n, at);
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("LISTEN failed", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    private static List<String[]> readUsers(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"))
                .toList();
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("load goes to loopback only, not " + uri.getHost());
        }
        return uri;
    }

    private static String loopbackBroker(String bootstrap) {
        if (!bootstrap.startsWith("127.0.0.1:") && !bootstrap.startsWith("localhost:")) {
            throw new IllegalArgumentException("only a loopback broker: " + bootstrap);
        }
        return bootstrap;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "," + parts[1] + "," + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(row -> row[i]).toArray();
    }

    private static double[] ratios(List<double[]> rows, int numerator, int denominator) {
        return rows.stream().mapToDouble(row -> row[numerator] / row[denominator]).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static String stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT, "%.2f [%.2f-%.2f]", sorted[(sorted.length - 1) / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
