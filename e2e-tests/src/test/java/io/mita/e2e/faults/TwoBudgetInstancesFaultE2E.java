package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 9 of the fault suite: two budget-service instances on one database, each with its own outbox relay.
 * Each user records transactions alternately on both; every event reaches the audit log (published once or more,
 * stored once) and each user's events arrive in the order they were written.
 */
@ExtendWith(SettledStack.class)
class TwoBudgetInstancesFaultE2E {

    private static final int USERS = 6;
    private static final int STEPS_PER_USER = 20;

    @Test
    void twoInstancesOnOneDatabasePublishEveryEventAndKeepEachUsersOrder() throws Exception {
        List<TransactionLoad.User> users = TransactionLoad.users(USERS, "two-instances");
        List<TransactionLoad.Outcome> outcomes = new ArrayList<>();
        try (SecondBudgetInstance second = SecondBudgetInstance.start()) {
            ExecutorService clients = Executors.newFixedThreadPool(USERS);
            List<Future<List<TransactionLoad.Outcome>>> perUser = new ArrayList<>();
            for (TransactionLoad.User user : users) {
                perUser.add(clients.submit(() -> {
                    List<TransactionLoad.Outcome> mine = new ArrayList<>();
                    for (int step = 0; step < STEPS_PER_USER; step++) {
                        // one after the other per user, so the order each user wrote in is well defined
                        mine.add(
                                step % 2 == 0
                                        ? TransactionLoad.create(user)
                                        : TransactionLoad.createAt(second.baseUrl(), user));
                    }
                    return mine;
                }));
            }
            for (Future<List<TransactionLoad.Outcome>> result : perUser) {
                outcomes.addAll(result.get());
            }
            clients.shutdown();
        }
        List<String> created = TransactionLoad.createdIds(outcomes);
        UUID[] subjects = users.stream().map(TransactionLoad.User::id).toArray(UUID[]::new);
        Map<String, Integer> audited = StackDatabases.awaitAudited(subjects, created, Duration.ofMinutes(3));
        int outOfOrder = 0;
        for (UUID subject : subjects) {
            if (!StackDatabases.auditOrder(subject).equals(StackDatabases.outboxOrder(subject))) {
                outOfOrder++;
            }
        }
        FaultFigures.report(
                "9 two budget instances",
                "a second budget-service with its own relay on the same database",
                created.size(),
                EventTopics.duplicatesPublished("mita.budget.v1", subjects),
                audited.size(),
                audited.values().stream().mapToLong(n -> n - 1).sum(),
                0,
                "%d users x %d alternating writes; users whose audit order differs from their outbox order: %d"
                        .formatted(USERS, STEPS_PER_USER, outOfOrder));

        assertThat(TransactionLoad.tally(outcomes)).isEqualTo(Map.of("HTTP 201", (long) USERS * STEPS_PER_USER));
        assertThat(audited.keySet()).as("none lost").isEqualTo(new HashSet<>(created));
        for (UUID subject : subjects) {
            assertThat(StackDatabases.auditOrder(subject))
                    .as("events of user %s in the order they were written", subject)
                    .containsExactlyElementsOf(StackDatabases.outboxOrder(subject));
        }
    }
}
