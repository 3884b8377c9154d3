package io.mita.budget.habit;

import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HabitCompletedGoldenFileTest {

    @Test
    void thePayloadSerialisesToTheGoldenFile() {
        JsonNode golden = GoldenEvents.read(HabitPublisher.COMPLETED);
        Habit habit = new Habit(
                UUID.fromString(golden.get("habitId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                "No dining out on weekdays",
                null,
                null,
                null,
                null,
                HabitPeriod.DAY,
                true,
                LocalDate.of(2026, 1, 1),
                Instant.parse("2026-01-01T08:00:00Z"),
                Instant.parse("2026-01-01T08:00:00Z"),
                0L);

        GoldenEvents.assertSerialisesTo(
                HabitPublisher.COMPLETED,
                HabitCompleted.of(habit, LocalDate.of(2026, 1, 15), Instant.parse("2026-01-15T20:15:00Z")));
    }
}
