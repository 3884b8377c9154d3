package io.mita.e2e.faults;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a scenario only on a stack that has recovered from the one before: every probed service ready, and a few
 * requests in a row answered through the gateway (so no circuit breaker is still open and no pool still holds a
 * connection broken by an earlier fault). Without it, a scenario's figures would count the previous fault's tail.
 */
final class SettledStack implements BeforeEachCallback {

    private static final List<String> SERVICES = List.of("auth-service", "budget-service", "audit-service");
    private static final int SUCCESSES_IN_A_ROW = 5;
    private static final Duration AT_MOST = Duration.ofMinutes(2);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        for (String service : SERVICES) {
            while (Readiness.of(service) != 200) {
                failAfter(deadline, service + " is not ready");
                Thread.sleep(200);
            }
        }
        TransactionLoad.User user = TransactionLoad.users(1, "settle").get(0);
        int inARow = 0;
        String last = "nothing";
        while (inARow < SUCCESSES_IN_A_ROW) {
            TransactionLoad.Outcome outcome = TransactionLoad.get(user, "/api/budget/transactions?limit=1");
            last = outcome.describe();
            inARow = outcome.status() == 200 ? inARow + 1 : 0;
            if (inARow == 0) {
                failAfter(deadline, "the gateway still answers " + last);
                Thread.sleep(500);
            }
        }
    }

    private static void failAfter(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the stack did not settle within " + AT_MOST + ": " + what);
        }
    }
}
