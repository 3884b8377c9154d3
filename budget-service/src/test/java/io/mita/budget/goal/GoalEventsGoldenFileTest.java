package io.mita.budget.goal;

import io.mita.testsupport.GoldenEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each goal event's payload serialises to its golden file (docs/events/README.md). */
class GoalEventsGoldenFileTest {

    @Test
    void theCreatedPayloadSerialisesToItsGoldenFile() {
        JsonNode golden = GoldenEvents.read(GoalPublisher.CREATED);
        Goal goal = goal(golden, GoalStatus.ACTIVE, "0", null, 0L);

        GoldenEvents.assertSerialisesTo(GoalPublisher.CREATED, GoalCreated.of(goal));
    }

    @Test
    void theContributionAddedPayloadSerialisesToItsGoldenFile() {
        JsonNode golden = GoldenEvents.read(GoalPublisher.CONTRIBUTION_ADDED);
        Goal goal = goal(golden, GoalStatus.ACTIVE, "450.0000", null, 3L);
        GoalContribution contribution = new GoalContribution(
                UUID.fromString(golden.get("contributionId").asString()),
                goal.id(),
                goal.userId(),
                new BigDecimal("150.0000"),
                "EUR",
                "a private note",
                ContributionSource.MANUAL,
                "key-1",
                "0".repeat(64),
                null,
                Instant.parse("2026-03-01T08:15:00Z"));

        GoldenEvents.assertSerialisesTo(GoalPublisher.CONTRIBUTION_ADDED, GoalContributionAdded.of(goal, contribution));
    }

    @Test
    void theCompletedPayloadSerialisesToItsGoldenFile() {
        JsonNode golden = GoldenEvents.read(GoalPublisher.COMPLETED);
        Goal goal = goal(golden, GoalStatus.COMPLETED, "1200.0000", Instant.parse("2026-07-01T08:15:00Z"), 8L);

        GoldenEvents.assertSerialisesTo(GoalPublisher.COMPLETED, GoalCompleted.of(goal, "TARGET_REACHED"));
    }

    private static Goal goal(JsonNode golden, GoalStatus status, String saved, Instant completedAt, long version) {
        return new Goal(
                UUID.fromString(golden.get("goalId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                "Holiday in Lisbon",
                new BigDecimal("1200.0000"),
                "EUR",
                LocalDate.of(2026, 8, 31),
                "travel",
                "plane",
                status,
                new BigDecimal(saved),
                completedAt,
                Instant.parse("2026-01-10T09:00:00Z"),
                Instant.parse("2026-01-10T09:00:00Z"),
                null,
                version);
    }
}
