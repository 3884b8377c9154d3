package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Checks a data service's export document ({@code GET /api/<service>/me/export}, common-lib's
 * {@code PersonalDataExport}) against what its database holds about the user: the head names the service and the
 * user, there is exactly one array per expected table with exactly the user's rows, every row with a
 * {@code user_id} is the user's, and nothing of another user appears. The expected tables come from the schema
 * ({@link PersonalRows#perTable}) plus the child tables a service reads through their parent, so a table added
 * later without an export fails the test that uses this.
 */
public final class ExportedDocuments {

    /** The document's members that are not arrays of rows. */
    static final Set<String> HEAD = Set.of("service", "userId", "exportedAt");

    private ExportedDocuments() {}

    /**
     * @param rowsPerArray table (array) name → the number of the user's rows the database holds
     * @param other        a second user seeded alongside, none of whose ids may appear
     */
    public static void assertHoldsExactly(
            JsonNode document, String service, UUID user, Map<String, Long> rowsPerArray, UUID other) {
        assertThat(document.get("service").asString()).isEqualTo(service);
        assertThat(document.get("userId").asString()).isEqualTo(user.toString());
        Set<String> arrays = new HashSet<>(document.propertyNames());
        arrays.removeAll(HEAD);
        assertThat(arrays).as("one array per table with personal data").isEqualTo(rowsPerArray.keySet());
        rowsPerArray.forEach((table, rows) -> {
            assertThat(document.get(table)).as(table).hasSize(rows.intValue());
            for (JsonNode row : document.get(table)) {
                if (row.has("user_id")) {
                    assertThat(row.get("user_id").asString()).as(table).isEqualTo(user.toString());
                }
            }
        });
        assertThat(document.toString()).as("another user's data").doesNotContain(other.toString());
    }
}
