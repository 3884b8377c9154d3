package io.mita.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 4 of the fault suite: PostgreSQL becomes unreachable for every service (each service's database link is
 * killed, which drops every open connection and refuses new ones, as a stopped server would; the machine's
 * PostgreSQL itself is never touched). Readiness falls within seconds, the API answers 503 problem+json at once
 * instead of hanging, and everything serves again within 30 s of the database's return, without a restart.
 */
@ExtendWith(SettledStack.class)
class DatabaseStoppedFaultE2E {

    private static final List<String> DATA_SERVICES = List.of(
            "auth-service",
            "budget-service",
            "ocr-service",
            "insights-service",
            "notification-service",
            "audit-service");
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @Test
    void withoutItsDatabaseAServiceTurnsUnreadyAnswers503AtOnceAndServesAgainWithoutARestart() throws Exception {
        TransactionLoad.User user = TransactionLoad.users(1, "database-outage").get(0);
        assertThat(TransactionLoad.create(user).status()).isEqualTo(201);
        long budgetPid = LocalStack.pid("budget-service");

        List<TransactionLoad.Outcome> whileDown = new ArrayList<>();
        long slowest = 0;
        long unreadyAfter;
        try {
            DATA_SERVICES.forEach(service -> LocalStack.kill("db-link-" + service));
            long cut = System.nanoTime();
            while (Readiness.of("budget-service") == 200
                    && System.nanoTime() - cut < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(250);
            }
            unreadyAfter = System.nanoTime() - cut;
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                whileDown.add(TransactionLoad.create(user));
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
        } finally {
            DATA_SERVICES.forEach(service -> LocalStack.start("db-link-" + service));
        }
        long back = System.nanoTime();
        TransactionLoad.Outcome after = TransactionLoad.create(user);
        while ((after.status() != 201 || Readiness.of("budget-service") != 200)
                && System.nanoTime() - back < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(500);
            after = TransactionLoad.create(user);
        }
        long recoveredAfter = System.nanoTime() - back;
        FaultFigures.report(
                "4 PostgreSQL unreachable",
                "every service's database link killed, then started",
                0,
                FaultFigures.NOT_COUNTED,
                0,
                0,
                0,
                "readiness DOWN after %d ms; answers while down %s, slowest %d ms; serving again %d ms after the database returned"
                        .formatted(
                                Duration.ofNanos(unreadyAfter).toMillis(),
                                TransactionLoad.tally(whileDown),
                                Duration.ofNanos(slowest).toMillis(),
                                Duration.ofNanos(recoveredAfter).toMillis()));

        assertThat(Duration.ofNanos(unreadyAfter))
                .as("readiness DOWN within seconds")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(whileDown).allMatch(TransactionLoad.Outcome::unavailableProblem, "a 503 problem with Retry-After");
        assertThat(Duration.ofNanos(slowest)).as("no hanging connection").isLessThan(PROMPT);
        assertThat(after.status()).isEqualTo(201);
        assertThat(Duration.ofNanos(recoveredAfter)).isLessThan(Duration.ofSeconds(30));
        assertThat(LocalStack.pid("budget-service")).as("no restart").isEqualTo(budgetPid);
    }
}
