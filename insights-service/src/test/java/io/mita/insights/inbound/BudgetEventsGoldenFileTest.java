package io.mita.insights.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** insights-service's copies of budget-service's payloads read the producer's golden files. */
class BudgetEventsGoldenFileTest {

    @Test
    void theTransactionCopyReadsTheGoldenFileOfEveryVerb() {
        for (String type : BudgetEvents.TRANSACTION_TYPES) {
            TransactionRecorded read = GoldenEvents.assertReads(type, TransactionRecorded.class);

            assertThat(read.transactionId()).isEqualTo(UUID.fromString("3f1c6a4e-2b7d-4c1e-9a55-7d2f0b1e8c01"));
            assertThat(read.occurredOn()).isEqualTo(LocalDate.of(2026, 1, 15));
            assertThat(read.missingMember()).isNull();
        }
    }

    @Test
    void thePlanCopyReadsTheGoldenFileButTheReleaseFlags() {
        PlanUpdated read = GoldenEvents.assertReads(
                PlanUpdated.TYPE, PlanUpdated.class, "allowOverAllocation", "releaseCommitments", "releaseSavings");

        assertThat(read.month()).isEqualTo("2026-03");
        assertThat(read.allocations())
                .containsExactly(
                        new PlanUpdated.Allocation("groceries", "400.00"),
                        new PlanUpdated.Allocation("dining", "150.00"));
        assertThat(read.missingMember()).isNull();
    }
}
