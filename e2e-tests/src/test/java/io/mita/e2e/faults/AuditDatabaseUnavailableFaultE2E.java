package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 3 of the fault suite: audit-service loses its database for longer than the consumer's retry window in
 * effect (the suite's stack runs with a short one, {@code mita.faults.consumer-retry-window-seconds}). A database
 * outage is an infrastructure failure, not a bad record: nothing may go to a dead-letter topic, and every event is
 * stored once the database is back.
 */
@ExtendWith(SettledStack.class)
class AuditDatabaseUnavailableFaultE2E {

    private static final int TRANSACTIONS = 40;
    private static final Duration RETRY_WINDOW =
            Duration.ofSeconds(Integer.getInteger("mita.faults.consumer-retry-window-seconds", 15));

    @Test
    void anAuditDatabaseGoneLongerThanTheRetryWindowDeadLettersNothingAndStoresEveryEventOnItsReturn()
            throws Exception {
        List<TransactionLoad.User> users = TransactionLoad.users(2, "audit-db-outage");
        long deadLettersBefore = EventTopics.deadLetters(EventTopics.EVENT_TOPICS);
        Duration outage = RETRY_WINDOW.multipliedBy(2).plusSeconds(10);
        List<TransactionLoad.Outcome> outcomes;
        LocalStack.kill("db-link-audit-service");
        try {
            long cut = System.nanoTime();
            outcomes = TransactionLoad.of(users, 2).start(TRANSACTIONS).await(Duration.ofMinutes(2));
            Thread.sleep(Math.max(
                    0,
                    outage.toMillis()
                            - Duration.ofNanos(System.nanoTime() - cut).toMillis()));
        } finally {
            LocalStack.start("db-link-audit-service");
        }
        List<String> created = TransactionLoad.createdIds(outcomes);
        java.util.UUID[] subjects = users.stream().map(TransactionLoad.User::id).toArray(java.util.UUID[]::new);
        Map<String, Integer> audited = StackDatabases.awaitAudited(subjects, created, Duration.ofMinutes(3));
        long deadLettered = EventTopics.deadLetters(EventTopics.EVENT_TOPICS) - deadLettersBefore;
        FaultFigures.report(
                "3 audit database unavailable",
                "audit-service's database link killed for %d s (retry window %d s)"
                        .formatted(outage.toSeconds(), RETRY_WINDOW.toSeconds()),
                created.size(),
                EventTopics.duplicatesPublished("mita.budget.v1", subjects),
                audited.size(),
                audited.values().stream().mapToLong(n -> n - 1).sum(),
                deadLettered,
                "answers %s".formatted(TransactionLoad.tally(outcomes)));

        assertThat(TransactionLoad.tally(outcomes)).isEqualTo(Map.of("HTTP 201", (long) TRANSACTIONS));
        assertThat(deadLettered).as("records in any .dlt").isZero();
        assertThat(audited.keySet())
                .as("every event stored after the database returned")
                .isEqualTo(new HashSet<>(created));
    }
}
