package io.mita.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each of this service's payload copies reads its producer's golden file in docs/events, member for member. */
class InboundGoldenFilesTest {

    static final UUID USER = UUID.fromString("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void accountLockedReadsItsGoldenFile() {
        AccountLocked read = GoldenEvents.assertReads(AccountLocked.TYPE, AccountLocked.class);
        assertThat(read.userId()).isEqualTo(USER);
        assertThat(read.failedAttempts()).isEqualTo(5);
        assertThat(read.lockedUntil()).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
    }

    @Test
    void userRegisteredReadsItsGoldenFile() {
        UserRegistered read = GoldenEvents.assertReads(UserRegistered.TYPE, UserRegistered.class);
        assertThat(read.userId()).isEqualTo(USER);
        assertThat(read.displayName()).isEqualTo("Ann Example");
    }

    @Test
    void thresholdReachedReadsItsGoldenFile() {
        ThresholdReached read = GoldenEvents.assertReads(ThresholdReached.TYPE, ThresholdReached.class);
        assertThat(read.percent()).isEqualTo(80);
        assertThat(read.category()).isEqualTo("groceries");
        assertThat(read.spent()).isEqualTo("321.40");
    }

    @Test
    void goalCompletedReadsItsGoldenFile() {
        GoalCompleted read = GoldenEvents.assertReads(GoalCompleted.TYPE, GoalCompleted.class);
        assertThat(read.name()).isEqualTo("Holiday in Lisbon");
        assertThat(read.version()).isEqualTo(8);
    }

    @Test
    void habitCompletedReadsItsGoldenFile() {
        HabitCompleted read = GoldenEvents.assertReads(HabitCompleted.TYPE, HabitCompleted.class);
        assertThat(read.day()).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void insightGeneratedReadsItsGoldenFile() {
        InsightGenerated read = GoldenEvents.assertReads(InsightGenerated.TYPE, InsightGenerated.class);
        assertThat(read.severity()).isEqualTo("HIGH");
        assertThat(read.title()).isNotBlank();
        assertThat(read.text()).isNotBlank();
    }

    @Test
    void receiptProcessedReadsItsGoldenFile() {
        ReceiptProcessed read = GoldenEvents.assertReads(ReceiptProcessed.TYPE, ReceiptProcessed.class);
        assertThat(read.merchant()).isEqualTo("Lidl");
        assertThat(read.total()).isEqualTo("23.47");
    }

    @Test
    void receiptFailedReadsItsGoldenFile() {
        ReceiptFailed read = GoldenEvents.assertReads(ReceiptFailed.TYPE, ReceiptFailed.class);
        assertThat(read.attempts()).isEqualTo(3);
    }

    @Test
    void userErasedReadsItsGoldenFile() {
        UserErased read = GoldenEvents.assertReads(UserErased.TYPE, UserErased.class);
        assertThat(read.userId()).isEqualTo(USER);
        assertThat(read.erasedBy()).isEqualTo("SELF");
    }
}
