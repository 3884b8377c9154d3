package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 6 of the fault suite: a downstream service (budget-service) is stopped. The gateway answers at once
 * with 503 problem+json and {@code Retry-After} (its circuit breaker's fallback), never hangs, and serves again
 * once the service is back.
 */
@ExtendWith(SettledStack.class)
class DownstreamStoppedFaultE2E {

    private static final String LIST = "/api/budget/transactions";
    /** Far below the gateway's 10 s response timeout: an answer this late would mean a hanging connection. */
    private static final Duration PROMPT = Duration.ofSeconds(3);

    @Test
    void theGatewayAnswers503WithRetryAfterWhileADownstreamIsStoppedAndRecoversWhenItReturns() throws Exception {
        TransactionLoad.User user = TransactionLoad.users(1, "downstream-stop").get(0);
        assertThat(TransactionLoad.get(user, LIST).status()).isEqualTo(200);

        LocalStack.stop("budget-service");
        List<TransactionLoad.Outcome> whileStopped = new ArrayList<>();
        long slowest = 0;
        try {
            for (int i = 0; i < 15; i++) {
                long started = System.nanoTime();
                whileStopped.add(TransactionLoad.get(user, LIST));
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
        } finally {
            LocalStack.start("budget-service");
        }
        long back = System.nanoTime();
        TransactionLoad.Outcome after = TransactionLoad.get(user, LIST);
        while (after.status() != 200
                && System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(500);
            after = TransactionLoad.get(user, LIST);
        }
        FaultFigures.report(
                "6 downstream stopped",
                "SIGTERM budget-service, 15 GETs, start",
                0,
                FaultFigures.NOT_COUNTED,
                0,
                0,
                0,
                "answers while stopped %s, slowest %d ms; first 200 %d ms after it was ready again"
                        .formatted(
                                TransactionLoad.tally(whileStopped),
                                Duration.ofNanos(slowest).toMillis(),
                                Duration.ofNanos(System.nanoTime() - back).toMillis()));

        assertThat(whileStopped)
                .as("503 problem+json with Retry-After")
                .allMatch(TransactionLoad.Outcome::unavailableProblem, "a 503 problem with Retry-After");
        assertThat(Duration.ofNanos(slowest)).isLessThan(PROMPT);
        assertThat(after.status())
                .as("serves again within 30 s of the service's return")
                .isEqualTo(200);
    }
}
