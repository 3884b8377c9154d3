package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 1 of the fault suite: the Kafka broker is killed ({@code kill -9}) while transactions are recorded
 * through the gateway, and restarted 20 s later. The outbox must make the outage invisible to the app and lose
 * nothing: every request answered 201, every created transaction once in the audit log, the same ids in the outbox.
 */
@ExtendWith(SettledStack.class)
class KafkaBrokerKilledFaultE2E {

    private static final int TRANSACTIONS = Integer.getInteger("mita.faults.transactions", 1000);
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void everyTransactionRecordedWhileTheBrokerIsDeadIsAnsweredAndReachesTheAuditLogExactlyOnce() throws Exception {
        List<TransactionLoad.User> users = TransactionLoad.users(10, "kafka-outage");
        long deadLettersBefore = EventTopics.deadLetters(List.of("mita.budget.v1"));
        long keyedRetriesBefore = KeyedRetries.sofar();
        TransactionLoad load = TransactionLoad.of(users, 8).start(TRANSACTIONS);

        load.awaitCompleted(TRANSACTIONS / 10, Duration.ofMinutes(2));
        LocalStack.kill("kafka");
        long killedAt = System.nanoTime();
        List<Integer> readinessDuringOutage = new ArrayList<>();
        while (System.nanoTime() - killedAt < OUTAGE.toNanos()) {
            readinessDuringOutage.add(Readiness.of("budget-service"));
            Thread.sleep(2000);
        }
        int answeredDuringOutage = load.completed();
        LocalStack.start("kafka");
        List<TransactionLoad.Outcome> outcomes = load.await(Duration.ofMinutes(5));

        Map<String, Long> answers = TransactionLoad.tally(outcomes);
        long keyedRetries = KeyedRetries.sofar() - keyedRetriesBefore;
        List<String> created = TransactionLoad.createdIds(outcomes);
        Map<String, Integer> audited = StackDatabases.awaitAudited(load.subjects(), created, Duration.ofMinutes(3));
        Map<String, Integer> outbox = StackDatabases.outboxTransactions(load.subjects());
        long deadLettered = EventTopics.deadLetters(List.of("mita.budget.v1")) - deadLettersBefore;
        long duplicates = audited.values().stream().mapToLong(n -> n - 1).sum();
        FaultFigures.report(
                "1 broker killed",
                "kill -9 Kafka for " + OUTAGE.toSeconds() + " s",
                created.size(),
                EventTopics.duplicatesPublished("mita.budget.v1", load.subjects()),
                audited.size(),
                duplicates,
                deadLettered,
                ("%d of %d answers came while the broker was dead; outbox rows %d; budget readiness during the outage"
                                + " %s; keyed POSTs the gateway sent again after their connection failed before an"
                                + " answer: %d; answers %s")
                        .formatted(
                                answeredDuringOutage,
                                TRANSACTIONS,
                                outbox.size(),
                                readinessDuringOutage,
                                keyedRetries,
                                answers));

        // after the report, so a failed run still leaves its figures line
        assertThat(answers).as("every request answered 201").isEqualTo(Map.of("HTTP 201", (long) TRANSACTIONS));

        assertThat(audited.keySet()).as("audit = API answers").isEqualTo(new HashSet<>(created));
        assertThat(outbox.keySet()).as("outbox = API answers").isEqualTo(new HashSet<>(created));
        assertThat(duplicates).as("duplicates stored").isZero();
        assertThat(deadLettered).as("dead-lettered").isZero();
        assertThat(readinessDuringOutage)
                .as("budget-service stays ready without the broker (Kafka is only in health details)")
                .containsOnly(200);
    }
}
