package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 7 of the fault suite: SIGTERM to budget-service and to the gateway under constant load. A request that
 * reached a process before its SIGTERM is answered (graceful shutdown); requests after it find the gateway's 503
 * (budget-service down; the clients retry at once, so their rate limit may answer 429 problem+json before routing)
 * or no listener at all (gateway down) — never a broken or lost answer — and every
 * transaction answered 201 reaches the audit log.
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
        var audited = StackDatabases.awaitAudited(load.subjects(), created, Duration.ofMinutes(3));
        List<TransactionLoad.Outcome> failed =
                outcomes.stream().filter(acceptable.negate()).toList();
        FaultFigures.report(
                "7 SIGTERM " + part,
                "SIGTERM " + part + " under 4 clients, start",
                created.size(),
                EventTopics.duplicatesPublished("mita.budget.v1", load.subjects()),
                audited.size(),
                audited.values().stream().mapToLong(n -> n - 1).sum(),
                0,
                "answers %s".formatted(TransactionLoad.tally(outcomes)));

        assertThat(failed).as("requests failed in flight").isEmpty();
        assertThat(audited.keySet()).as("no event lost").isEqualTo(new HashSet<>(created));
    }
}
