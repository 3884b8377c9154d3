package io.mita.budget.category;

import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The category payloads serialise to their golden files in docs/events. */
class CategoryEventsGoldenFileTest {

    private final JsonNode golden = GoldenEvents.read(CategoryPublisher.CREATED);
    private final Category coffee = new Category(
            UUID.fromString(golden.get("categoryId").asString()),
            UUID.fromString(golden.get("userId").asString()),
            "coffee",
            "Coffee",
            CategoryKind.DISCRETIONARY,
            false,
            null,
            Instant.parse("2026-03-01T08:00:00Z"),
            Instant.parse("2026-03-01T08:00:00Z"));

    @Test
    void theCreatedPayloadSerialisesToTheGoldenFile() {
        GoldenEvents.assertSerialisesTo(CategoryPublisher.CREATED, CategoryCreated.of(coffee));
    }

    @Test
    void theArchivedPayloadSerialisesToTheGoldenFile() {
        GoldenEvents.assertSerialisesTo(
                CategoryPublisher.ARCHIVED, CategoryArchived.of(coffee.archive(Instant.parse("2026-03-10T08:00:00Z"))));
    }
}
