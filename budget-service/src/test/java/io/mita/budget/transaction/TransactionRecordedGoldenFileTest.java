package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link TransactionRecorded} is the payload of all three wire types (docs/events/README.md says so). */
class TransactionRecordedGoldenFileTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        TransactionPublisher.CREATED + ", 12.5000, 0",
        TransactionPublisher.UPDATED + ", 14.9000, 1",
        TransactionPublisher.DELETED + ", 14.9000, 2"
    })
    void thePayloadSerialisesToTheGoldenFile(String type, String storedAmount, long version) {
        JsonNode golden = GoldenEvents.read(type);
        Transaction stored = new Transaction(
                UUID.fromString(golden.get("transactionId").asString()),
                UUID.fromString(golden.get("userId").asString()),
                TransactionType.EXPENSE,
                new BigDecimal(storedAmount),
                "EUR",
                "groceries",
                LocalDate.of(2026, 1, 15),
                "Lidl",
                "a private note",
                Instant.parse("2026-01-15T09:30:00Z"),
                Instant.parse("2026-01-15T09:30:00Z"),
                null,
                version);
        TransactionRecorded payload = TransactionRecorded.of(stored);

        GoldenEvents.assertSerialisesTo(type, payload);
        assertThat(json.writeValueAsString(payload)).doesNotContain("private note");
    }
}
