package io.mita.budget.plan;

import io.mita.budget.redistribution.Move;
import io.mita.budget.redistribution.MoveReason;
import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The plan payloads serialise to their golden files in docs/events. */
class PlanEventsGoldenFileTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void thePlanUpdatedPayloadSerialisesToTheGoldenFile() {
        JsonNode golden = GoldenEvents.read(PlanPublisher.UPDATED);
        Plan plan = new Plan(
                UUID.fromString(golden.get("planId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                MARCH,
                EUR,
                250_000,
                30_000,
                List.of(new Plan.Commitment("Rent", 80_000), new Plan.Commitment("Phone", 10_000)),
                List.of(
                        new Plan.Allocation("groceries", 40_000, null),
                        new Plan.Allocation("dining", 15_000, List.of(1, 1, 1, 1, 1, 2, 2))),
                false,
                false,
                true,
                Instant.parse("2026-03-01T08:00:00Z"),
                Instant.parse("2026-03-01T08:00:00Z"),
                0L);

        GoldenEvents.assertSerialisesTo(PlanPublisher.UPDATED, PlanUpdated.of(plan));
    }

    @Test
    void thePlanRedistributedPayloadSerialisesToTheGoldenFile() {
        JsonNode golden = GoldenEvents.read(PlanPublisher.REDISTRIBUTED);
        RedistributionRun run = new RedistributionRun(
                UUID.fromString(golden.get("runId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                MARCH,
                RedistributionRun.Trigger.SPENDING_CHANGED,
                LocalDate.of(2026, 3, 10),
                true,
                0,
                Instant.parse("2026-03-10T08:00:00Z"),
                List.of(new Move(
                        "groceries",
                        LocalDate.of(2026, 3, 11),
                        "groceries",
                        LocalDate.of(2026, 3, 10),
                        725,
                        MoveReason.OVERSPENDING_COVERED_FROM_SAME_CATEGORY)));

        GoldenEvents.assertSerialisesTo(PlanPublisher.REDISTRIBUTED, PlanRedistributed.of(run, EUR));
    }

    @Test
    void theThresholdReachedPayloadSerialisesToTheGoldenFile() {
        JsonNode golden = GoldenEvents.read(PlanPublisher.THRESHOLD_REACHED);

        GoldenEvents.assertSerialisesTo(
                PlanPublisher.THRESHOLD_REACHED,
                new ThresholdReached(
                        UUID.fromString(golden.get("userId").asString()),
                        "2026-03",
                        "groceries",
                        80,
                        "400.00",
                        "321.40",
                        "EUR"));
    }
}
