package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 2 of the fault suite: audit-service is killed ({@code kill -9}) while it ingests, and started again.
 * Kafka redelivers what it had not committed; the audit log, idempotent on the event id, must end with every event
 * once: stored = produced, no duplicates, nothing dead-lettered.
 */
@ExtendWith(SettledStack.class)
class AuditServiceKilledFaultE2E {

    private static final int TRANSACTIONS = 300;

    @Test
    void anAuditServiceKilledMidStreamStoresEveryEventOnceAfterItsRestart() throws Exception {
        List<TransactionLoad.User> users = TransactionLoad.users(5, "audit-crash");
        long deadLettersBefore = EventTopics.deadLetters(List.of("mita.budget.v1"));
        TransactionLoad load = TransactionLoad.of(users, 4).start(TRANSACTIONS);

        load.awaitCompleted(TRANSACTIONS / 3, Duration.ofMinutes(2));
        LocalStack.kill("audit-service");
        int answeredBeforeRestart = load.completed();
        LocalStack.start("audit-service");
        List<TransactionLoad.Outcome> outcomes = load.await(Duration.ofMinutes(5));

        assertThat(TransactionLoad.tally(outcomes)).isEqualTo(Map.of("HTTP 201", (long) TRANSACTIONS));
        List<String> created = TransactionLoad.createdIds(outcomes);
        Map<String, Integer> audited = StackDatabases.awaitAudited(load.subjects(), created, Duration.ofMinutes(3));
        long duplicates = audited.values().stream().mapToLong(n -> n - 1).sum();
        long deadLettered = EventTopics.deadLetters(List.of("mita.budget.v1")) - deadLettersBefore;
        FaultFigures.report(
                "2 audit-service killed",
                "kill -9 audit-service mid-stream, restart",
                created.size(),
                EventTopics.duplicatesPublished("mita.budget.v1", load.subjects()),
                audited.size(),
                duplicates,
                deadLettered,
                "%d of %d answers before the restart".formatted(answeredBeforeRestart, TRANSACTIONS));

        assertThat(audited.keySet()).as("stored = produced").isEqualTo(new HashSet<>(created));
        assertThat(duplicates).as("duplicates stored").isZero();
        assertThat(deadLettered).as("dead-lettered").isZero();
    }
}
