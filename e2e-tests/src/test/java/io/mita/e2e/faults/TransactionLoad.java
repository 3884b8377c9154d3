package io.mita.e2e.faults;

import io.mita.e2e.MobileApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Mobile apps recording transactions through the gateway from several threads, as fast as the stack answers:
 * either a fixed number or until stopped. Every answer (or client-side failure) is kept as an {@link Outcome}.
 */
final class TransactionLoad {

    /** One registered, logged-in user with the address their app calls from. */
    record User(UUID id, String token, String clientIp) {}

    /**
     * What one request got: an HTTP answer (with the problem {@code code} of an error answer, when it has one), or a
     * failure before any answer ({@code failure} set); {@code request} is what was sent, so the app can repeat it.
     */
    record Outcome(
            int status,
            String contentType,
            String retryAfter,
            String transactionId,
            String problemCode,
            String failure,
            HttpRequest request) {

        /** The {@code Idempotency-Key} the request carried; null for a request without one. */
        String idempotencyKey() {
            return request.headers().firstValue("Idempotency-Key").orElse(null);
        }

        boolean created() {
            return status == 201 && transactionId != null;
        }

        /** The gateway's answer for a downstream it cannot reach: 503 problem+json with Retry-After. */
        boolean unavailableProblem() {
            return status == 503
                    && contentType != null
                    && contentType.startsWith("application/problem+json")
                    && retryAfter != null;
        }

        /**
         * The gateway's rate limit: 429 problem+json {@code RATE_LIMITED} with Retry-After, decided before any routing,
         * so the request never reached a service. The load's clients retry at once, and while budget-service is away
         * the gateway's 503 comes back in milliseconds, so they can exceed their limits: a clean refusal, not a loss.
         */
        boolean rateLimitedProblem() {
            return status == 429
                    && contentType != null
                    && contentType.startsWith("application/problem+json")
                    && "RATE_LIMITED".equals(problemCode)
                    && retryAfter != null;
        }

        /** The client could not connect at all: nobody listened, so no request was in flight. */
        boolean refusedConnection() {
            return failure != null && failure.startsWith("ConnectException");
        }

        String describe() {
            if (failure != null) {
                return failure;
            }
            return problemCode == null ? "HTTP " + status : "HTTP " + status + " " + problemCode;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final List<User> users;
    private final int threads;
    private volatile java.util.function.BooleanSupplier routable = () -> true;
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ExecutorService workers;

    private TransactionLoad(List<User> users, int threads) {
        this.users = users;
        this.threads = threads;
    }

    /** Registers and logs in {@code count} users, each from an address of their own (own rate-limit buckets). */
    static List<User> users(int count, String label) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MobileApp app = new MobileApp();
            MobileApp.Account account = app.register(label + i);
            users.add(new User(account.userId(), app.login(account), app.clientIp));
        }
        return users;
    }

    static TransactionLoad of(List<User> users, int threads) {
        return new TransactionLoad(users, threads);
    }

    /**
     * Sends only while {@code routable} says so, as a load balancer that polls readiness would (see
     * {@link GatewayReadiness}).
     */
    TransactionLoad routedBy(java.util.function.BooleanSupplier routable) {
        this.routable = routable;
        return this;
    }

    /** Starts recording {@code total} transactions (round robin over the users); returns at once. */
    TransactionLoad start(int total) {
        return start(index -> index < total);
    }

    /** Starts recording transactions until {@link #stop()}; returns at once. */
    TransactionLoad startUntilStopped() {
        return start(index -> true);
    }

    private TransactionLoad start(java.util.function.IntPredicate more) {
        workers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.submit(() -> {
                for (int index = next.getAndIncrement();
                        more.test(index) && !stopped.get();
                        index = next.getAndIncrement()) {
                    while (!routable.getAsBoolean() && !stopped.get()) {
                        pause(); // as a load balancer would: no request to a target whose readiness is down
                    }
                    Outcome outcome = record(users.get(index % users.size()));
                    outcomes.add(outcome);
                    if (outcome.refusedConnection()) {
                        pause(); // nobody listens: try again shortly instead of spinning
                    }
                }
            });
        }
        workers.shutdown();
        return this;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers received so far. */
    int completed() {
        return outcomes.size();
    }

    /** Waits until {@code count} answers were received (or the load finished). */
    void awaitCompleted(int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (completed() < count && !workers.isTerminated() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Stops starting new requests and waits for those in flight. */
    List<Outcome> stop() throws InterruptedException {
        stopped.set(true);
        return await(Duration.ofMinutes(2));
    }

    /** Waits for the load to finish and returns every outcome. */
    List<Outcome> await(Duration atMost) throws InterruptedException {
        if (!workers.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
            throw new IllegalStateException("the load did not finish within " + atMost);
        }
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    UUID[] subjects() {
        return users.stream().map(User::id).toArray(UUID[]::new);
    }

    /** Outcomes counted by what they were ("HTTP 201" → 998, "ConnectException: ..." → 2). */
    static Map<String, Long> tally(List<Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::describe, java.util.TreeMap::new, Collectors.counting()));
    }

    static List<String> createdIds(List<Outcome> outcomes) {
        return outcomes.stream()
                .filter(Outcome::created)
                .map(Outcome::transactionId)
                .toList();
    }

    /** One GET through the gateway as this user. */
    static Outcome get(User user, String path) {
        return send(request(MobileApp.GATEWAY, user, path).GET().build());
    }

    /** One transaction recorded through the gateway as this user. */
    static Outcome create(User user) {
        return record(user);
    }

    /** One transaction recorded as this user straight at a budget-service instance (bypassing the gateway). */
    static Outcome createAt(String budgetBaseUrl, User user) {
        return send(post(budgetBaseUrl, user));
    }

    private static Outcome record(User user) {
        return send(post(MobileApp.GATEWAY, user));
    }

    /**
     * The request of {@code earlier} sent once more, as the app repeats a create it got no 201 for: the same
     * {@code Idempotency-Key} and body, so budget-service answers with the transaction the first try made, if it made one.
     * A 429 or 503 is waited out as the app would (its {@code Retry-After}, at most 5 s, three tries).
     */
    static Outcome repeat(Outcome earlier) {
        Outcome answer = send(earlier.request());
        for (int tries = 1; tries < 3 && (answer.status() == 429 || answer.status() == 503); tries++) {
            sleepRetryAfter(answer.retryAfter());
            answer = send(earlier.request());
        }
        return answer;
    }

    private static void sleepRetryAfter(String retryAfter) {
        long seconds = 1;
        try {
            seconds = Math.min(
                    5, Math.max(1, Long.parseLong(String.valueOf(retryAfter).trim())));
        } catch (NumberFormatException notSeconds) {
            // an HTTP date or nothing: one second
        }
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A create as the app sends it: with an {@code Idempotency-Key} of its own (the app would send the same key again
     * if it repeated this create), which lets the gateway send it once more when its connection to budget-service
     * closed before any answer (docs/decisions.md, "A keyed POST is retried once ...").
     */
    private static HttpRequest post(String baseUrl, User user) {
        String body = """
                {"type":"EXPENSE","amount":"%s","currency":"EUR","category":"groceries","occurredOn":"%s","merchant":"Fault Suite"}""".formatted(
                "%d.%02d".formatted(1 + (int) (Math.random() * 90), (int) (Math.random() * 100)), LocalDate.now());
        return request(baseUrl, user, "/api/budget/transactions")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * Each request on a connection of its own ({@code Connection: close}; the suite's JVM allows that header): a
     * request that got no connection was never in flight, so a refused connection and a request lost in flight
     * cannot be mistaken for each other when the gateway itself shuts down.
     */
    private static HttpRequest.Builder request(String baseUrl, User user, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Connection", "close")
                .header("Authorization", "Bearer " + user.token())
                .header("X-Forwarded-For", user.clientIp());
    }

    private static Outcome send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse(null);
            String id = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
            return new Outcome(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    id,
                    problemCodeOf(response),
                    null,
                    request);
        } catch (IOException e) {
            return new Outcome(0, null, null, null, null, rootCause(e), request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, null, null, null, null, "interrupted", request);
        }
    }

    private static final java.util.regex.Pattern PROBLEM_CODE =
            java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    /** The {@code code} of a problem+json answer, so a tally tells whose refusal it was. */
    private static String problemCodeOf(HttpResponse<String> response) {
        if (response.statusCode() < 400 || response.body() == null) {
            return null;
        }
        java.util.regex.Matcher code = PROBLEM_CODE.matcher(response.body());
        return code.find() ? code.group(1) : null;
    }

    /** "ConnectException: ..." when nobody listened (anywhere in the chain), else the failure's own class. */
    private static String rootCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "ConnectException: " + cause.getMessage();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
