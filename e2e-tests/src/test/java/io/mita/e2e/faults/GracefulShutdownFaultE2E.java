package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 7 of the fault suite: SIGTERM to budget-service and to the gateway under constant load. A request that
 * reached a process before its SIGTERM is answered (graceful shutdown); requests after it find the gateway's 503
 * (budget-service down; the clients retry at once, so their rate limit may answer 429 problem+json before routing)
 * or no listener at all (gateway down) — never a broken or lost answer — and every
 * transaction answered 201 reaches the audit log. HTTP/1.1 cannot exclude one race: budget-service commits a create
 * whose pooled connection closes before the answer is written; the gateway's one keyed retry then finds nobody
 * listening and answers 503. The app repeats such a create with the same {@code Idempotency-Key} and gets the
 * transaction the first try made, which is what the test does (and asserts) for every create committed without a 201.
 */
@ExtendWith(SettledStack.class)
class GracefulShutdownFaultE2E {

    /** The gateway is budget-service's load balancer: it answers 503 while budget-service is away. */
    @Test
    void budgetServiceStoppedUnderLoadFailsNoRequestInFlightAndLosesNoEvent() throws Exception {
        stopUnderLoad(
                "budget-service",
                () -> true,
                outcome -> outcome.created() || outcome.unavailableProblem() || outcome.rateLimitedProblem());
    }

    /**
     * The clients route as a load balancer in front of the gateway would (by its readiness); a request that found no
     * listener at all was never in flight.
     */
    @Test
    void theGatewayStoppedUnderLoadFailsNoRequestInFlightAndLosesNoEvent() throws Exception {
        try (GatewayReadiness gateway = new GatewayReadiness()) {
            stopUnderLoad("gateway-service", gateway, outcome -> outcome.created() || outcome.refusedConnection());
        }
    }

    private static void stopUnderLoad(
            String part, BooleanSupplier routable, Predicate<TransactionLoad.Outcome> acceptable) throws Exception {
        List<TransactionLoad.User> users = TransactionLoad.users(4, "sigterm-" + part);
        TransactionLoad load = TransactionLoad.of(users, 4).routedBy(routable).startUntilStopped();
        List<TransactionLoad.Outcome> outcomes;
        try {
            load.awaitCompleted(100, Duration.ofMinutes(2));
            LocalStack.stop(part);
            int answeredWhenStopped = load.completed();
            LocalStack.start(part);
            load.awaitCompleted(answeredWhenStopped + 100, Duration.ofMinutes(2));
        } finally {
            outcomes = load.stop();
        }
        List<String> created = TransactionLoad.createdIds(outcomes);
        Map<String, String> claimed = StackDatabases.claimedKeys(load.subjects());
        List<TransactionLoad.Outcome> committedWithoutAnswer = outcomes.stream()
                .filter(outcome -> !outcome.created() && claimed.containsKey(outcome.idempotencyKey()))
                .toList();
        List<TransactionLoad.Outcome> repeats =
                committedWithoutAnswer.stream().map(TransactionLoad::repeat).toList();
        Set<String> answered = new HashSet<>(created);
        repeats.stream().map(TransactionLoad.Outcome::transactionId).forEach(answered::add);
        var audited = StackDatabases.awaitAudited(load.subjects(), answered, Duration.ofMinutes(3));
        List<TransactionLoad.Outcome> failed =
                outcomes.stream().filter(acceptable.negate()).toList();
        FaultFigures.report(
                "7 SIGTERM " + part,
                "SIGTERM " + part + " under 4 clients, start",
                answered.size(),
                EventTopics.duplicatesPublished("mita.budget.v1", load.subjects()),
                audited.size(),
                audited.values().stream().mapToLong(n -> n - 1).sum(),
                0,
                "answers %s; committed without a 201 %d (the app's repeat with the same key: %s)"
                        .formatted(
                                TransactionLoad.tally(outcomes),
                                committedWithoutAnswer.size(),
                                TransactionLoad.tally(repeats)));

        assertThat(failed).as("requests failed in flight").isEmpty();
        // only the gateway's "no answer from budget-service" may hide a commit: a 429 never reached it
        assertThat(committedWithoutAnswer)
                .as("committed creates answered otherwise than 503")
                .allMatch(TransactionLoad.Outcome::unavailableProblem);
        for (int i = 0; i < repeats.size(); i++) {
            assertThat(repeats.get(i).transactionId())
                    .as("the repeat of a create committed without a 201 answers the transaction it made")
                    .isEqualTo(claimed.get(committedWithoutAnswer.get(i).idempotencyKey()));
        }
        var lost = new HashSet<>(answered);
        lost.removeAll(audited.keySet());
        var neverAnswered = new HashSet<>(audited.keySet());
        neverAnswered.removeAll(answered);
        assertThat(lost).as("answered 201 but not audited").isEmpty();
        assertThat(neverAnswered)
                .as("audited but never answered 201, not even to the repeat")
                .isEmpty();
    }
}
