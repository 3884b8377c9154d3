package io.mita.budget.transaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event golden files in the repository's docs/events, and their shape (member names and JSON types). */
final class GoldenEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenEvents() {}

    static JsonNode read(String type) {
        Path file = directory().resolve(type + ".json");
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Member name → JSON node type (STRING, NUMBER, NULL, ...). */
    static Map<String, String> shape(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            shape.put(member.getKey(), member.getValue().getNodeType().name());
        }
        return shape;
    }

    private static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/events above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/events");
    }
}
