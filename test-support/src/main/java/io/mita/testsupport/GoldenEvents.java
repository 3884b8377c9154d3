package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place event payloads are checked against their golden files, {@code docs/events/<type>.json} at
 * the repository root. A producer's test asserts that its payload serialises to the golden file; each
 * consumer's test asserts that its own copy of the payload reads it. {@code EventCatalogueTest} (this
 * module's tests) makes sure every published type has a golden file, a line in {@code docs/events/README.md}
 * and such tests.
 */
public final class GoldenEvents {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private GoldenEvents() {}

    /**
     * The payload serialises to exactly the golden file: the same members at every level, the same JSON
     * types, the same values in the same order. Use it when the test can build the payload from the golden file's values.
     */
    public static void assertSerialisesTo(String type, Object payload) {
        JsonNode golden = read(type);
        JsonNode actual = serialise(payload);
        assertSameShape(type, actual, golden);
        assertThat(actual).as("%s: the payload's values", type).isEqualTo(golden);
        assertThat(actual.toString())
                .as("%s: members in the golden file's order", type)
                .isEqualTo(golden.toString());
    }

    /**
     * The payload serialises to the golden file's shape: the same member names at every level and the same
     * JSON types (uuids and instants as strings, numbers as numbers, ...), whatever the values.
     */
    public static void assertSerialisesToShapeOf(String type, Object payload) {
        assertSameShape(type, serialise(payload), read(type));
    }

    /**
     * A consumer's copy reads the golden file: every member the golden file carries (except those named in
     * {@code ignoredMembers}, which the copy leaves out on purpose) is read into the copy and comes back with
     * the same value when the copy is written again. A renamed or retyped member in the producer's payload,
     * or in the copy, fails here. Returns the read copy, for further assertions.
     */
    public static <T> T assertReads(String type, Class<T> copy, String... ignoredMembers) {
        JsonNode golden = read(type);
        T read = JSON.treeToValue(golden, copy);
        JsonNode written = serialise(read);
        List<String> wanted = new ArrayList<>(golden.propertyNames());
        wanted.removeAll(List.of(ignoredMembers));
        assertThat(wanted)
                .as("%s: members of the golden file that %s reads", type, copy.getSimpleName())
                .isNotEmpty();
        for (String member : wanted) {
            assertThat(written.get(member))
                    .as("%s: member '%s' as %s reads it", type, member, copy.getSimpleName())
                    .isEqualTo(golden.get(member));
        }
        return read;
    }

    /** The golden file of a wire type, as a JSON tree. */
    public static JsonNode read(String type) {
        Path file = file(type);
        assertThat(file).as("golden file of %s", type).isRegularFile();
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docs/events/<type>.json}. */
    public static Path file(String type) {
        return directory().resolve(type + ".json");
    }

    /** {@code docs/events} of the repository the tests run in (found above the working directory). */
    public static Path directory() {
        return repositoryRoot().resolve("docs/events");
    }

    /** The nearest directory above the working directory that holds {@code docs/events}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/events above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static JsonNode serialise(Object payload) {
        // through the text, as the outbox stores it
        return JSON.readTree(JSON.writeValueAsString(payload));
    }

    private static void assertSameShape(String path, JsonNode actual, JsonNode golden) {
        assertThat(actual).as("%s: present", path).isNotNull();
        assertThat(actual.getNodeType()).as("%s: JSON type", path).isEqualTo(golden.getNodeType());
        if (golden.isObject()) {
            assertThat(actual.propertyNames())
                    .as("%s: member names", path)
                    .containsExactlyInAnyOrderElementsOf(golden.propertyNames());
            for (String member : golden.propertyNames()) {
                assertSameShape(path + "." + member, actual.get(member), golden.get(member));
            }
        } else if (golden.isArray() && !golden.isEmpty()) {
            for (JsonNode element : actual) {
                assertSameShape(path + "[]", element, golden.get(0));
            }
        }
    }
}
