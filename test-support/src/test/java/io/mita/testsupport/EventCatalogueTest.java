package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/events/README.md, the golden files and the sources agree: every published wire type has a golden
 * file and a catalogue line, and its producer and each consumer with a copy have a golden-file test. Wire
 * types are discovered by scanning every module's {@code src/main/java} for string literals of the form
 * {@code "mita.<service>.<entity>.<verb>.v<N>"}.
 */
class EventCatalogueTest {

    static final Pattern WIRE_TYPE = Pattern.compile("\"(mita\\.[a-z0-9-]+\\.[a-z0-9-]+\\.[a-z0-9-]+\\.v[0-9]+)\"");
    static final Pattern LINE =
            Pattern.compile("^\\|\\s*`(mita\\.[^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|\\s*$");
    static final Pattern PARTY = Pattern.compile("([a-z-]+-service)(?:\\s*\\(`([A-Za-z0-9_]+)`\\))?");
    static final Pattern GOLDEN_LINK = Pattern.compile("\\]\\((mita\\.[^)]+\\.json)\\)");

    record Party(String module, String payloadClass) {}

    record Line(String type, Party producer, List<Party> consumers, String topic, String goldenFile) {}

    record Constant(String module, Path file, String type) {}

    private final Path root = GoldenEvents.repositoryRoot();
    private final Map<String, Line> catalogue = catalogue(root.resolve("docs/events/README.md"));
    private final List<Constant> constants = wireTypeConstants(root);

    @Test
    void everyPublishedTypeConstantHasAGoldenFileAndACatalogueLine() {
        assertThat(constants).as("wire-type constants found in the sources").isNotEmpty();
        for (Constant constant : constants) {
            assertThat(GoldenEvents.file(constant.type()))
                    .as("golden file of %s (in %s)", constant.type(), constant.file())
                    .isRegularFile();
            assertThat(catalogue)
                    .as("docs/events/README.md line for %s (in %s)", constant.type(), constant.file())
                    .containsKey(constant.type());
        }
    }

    @Test
    void aTypeConstantLivesOnlyInItsProducerOrAConsumerTheCatalogueNames() {
        for (Constant constant : constants) {
            Line line = catalogue.get(constant.type());
            if (line == null) {
                continue; // reported by the test above
            }
            Set<String> parties = new TreeSet<>();
            parties.add(line.producer().module());
            line.consumers().forEach(consumer -> parties.add(consumer.module()));
            assertThat(parties)
                    .as(
                            "%s uses %s: docs/events/README.md must name it as producer or consumer",
                            constant.file(), constant.type())
                    .contains(constant.module());
        }
    }

    @Test
    void everyCatalogueLineNamesAGoldenFileAndAProducerThatStillPublishesIt() {
        assertThat(catalogue).as("lines of docs/events/README.md").isNotEmpty();
        for (Line line : catalogue.values()) {
            assertThat(line.goldenFile()).as("golden file of %s", line.type()).isEqualTo(line.type() + ".json");
            assertThat(GoldenEvents.file(line.type()))
                    .as("golden file of %s", line.type())
                    .isRegularFile();
            // a topic, or (audit-service's record of who read the log) never on Kafka
            assertThat(line.topic())
                    .as("topic of %s", line.type())
                    .matches("`mita\\.[a-z]+\\.v[0-9]+`|– \\(stored in audit-service's own chain, never on Kafka\\)");
            assertThat(line.producer().payloadClass())
                    .as("payload class of %s", line.type())
                    .isNotNull();
            assertThat(constants)
                    .as("%s still holds the constant %s", line.producer().module(), line.type())
                    .contains(constantIn(line.producer().module(), line.type()));
        }
    }

    @Test
    void everyGoldenFileHasACatalogueLine() throws IOException {
        try (Stream<Path> files = Files.list(GoldenEvents.directory())) {
            List<String> types = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .toList();
            assertThat(catalogue.keySet()).containsAll(types);
        }
    }

    @Test
    void theProducerChecksItsPayloadAndEveryConsumerItsCopyAgainstTheGoldenFile() {
        for (Line line : catalogue.values()) {
            Party producer = line.producer();
            assertThat(testsCalling(producer.module(), producer.payloadClass(), "GoldenEvents.assertSerialisesTo"))
                    .as(
                            "a test in %s that checks %s with GoldenEvents.assertSerialisesTo(...) or assertSerialisesToShapeOf(...)",
                            producer.module(), producer.payloadClass())
                    .isNotEmpty();
            for (Party consumer : line.consumers()) {
                if (consumer.payloadClass() == null) {
                    continue; // stores the event as it came (audit-service)
                }
                assertThat(sourcesDeclaring(consumer.module(), "src/main/java", consumer.payloadClass()))
                        .as("%s's copy %s of %s", consumer.module(), consumer.payloadClass(), line.type())
                        .isNotEmpty();
                assertThat(testsCalling(consumer.module(), consumer.payloadClass(), "GoldenEvents.assertReads"))
                        .as(
                                "a test in %s that checks its copy %s with GoldenEvents.assertReads(...)",
                                consumer.module(), consumer.payloadClass())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void theCatalogueParserReadsALineAndTheSourceScannerFindsAConstant() {
        Matcher matcher = LINE.matcher(
                "| `mita.x.thing.done.v1` | x-service (`ThingDone`) | y-service (`ThingDone`), audit-service | `mita.x.v1` | user id | [json](mita.x.thing.done.v1.json) |");
        assertThat(matcher.matches()).isTrue();
        Line line = line(matcher);
        assertThat(line.producer()).isEqualTo(new Party("x-service", "ThingDone"));
        assertThat(line.consumers())
                .containsExactly(new Party("y-service", "ThingDone"), new Party("audit-service", null));
        assertThat(line.goldenFile()).isEqualTo("mita.x.thing.done.v1.json");

        Matcher constant = WIRE_TYPE.matcher("static final String TYPE = \"mita.x.thing.done.v1\"; // \"mita.x.v1\"");
        assertThat(constant.find()).isTrue();
        assertThat(constant.group(1)).isEqualTo("mita.x.thing.done.v1");
        assertThat(constant.find()).as("a topic is not a wire type").isFalse();
    }

    private Constant constantIn(String module, String type) {
        return constants.stream()
                .filter(c -> c.module().equals(module) && c.type().equals(type))
                .findFirst()
                .orElse(new Constant(module, Path.of("(none)"), type));
    }

    private List<Path> testsCalling(String module, String className, String call) {
        return javaFiles(root.resolve(module).resolve("src/test/java")).stream()
                .filter(file -> {
                    String text = read(file);
                    return text.contains(call)
                            && Pattern.compile("\\b" + className + "\\b")
                                    .matcher(text)
                                    .find();
                })
                .toList();
    }

    private List<Path> sourcesDeclaring(String module, String sourceRoot, String className) {
        Pattern declaration = Pattern.compile("\\b(class|record|interface|enum)\\s+" + className + "\\b");
        return javaFiles(root.resolve(module).resolve(sourceRoot)).stream()
                .filter(file -> declaration.matcher(read(file)).find())
                .toList();
    }

    static Map<String, Line> catalogue(Path readme) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (String text : read(readme).lines().toList()) {
            Matcher matcher = LINE.matcher(text);
            if (matcher.matches()) {
                Line line = line(matcher);
                assertThat(lines.put(line.type(), line))
                        .as("one line for %s", line.type())
                        .isNull();
            }
        }
        return lines;
    }

    private static Line line(Matcher matcher) {
        List<Party> producers = parties(matcher.group(2));
        assertThat(producers).as("one producer for %s", matcher.group(1)).hasSize(1);
        Matcher golden = GOLDEN_LINK.matcher(matcher.group(6));
        return new Line(
                matcher.group(1),
                producers.get(0),
                parties(matcher.group(3)),
                matcher.group(4).strip(),
                golden.find() ? golden.group(1) : null);
    }

    private static List<Party> parties(String cell) {
        List<Party> parties = new ArrayList<>();
        Matcher matcher = PARTY.matcher(cell);
        while (matcher.find()) {
            parties.add(new Party(matcher.group(1), matcher.group(2)));
        }
        return parties;
    }

    static List<Constant> wireTypeConstants(Path root) {
        List<Constant> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                for (Path file : javaFiles(module.resolve("src/main/java"))) {
                    Matcher matcher = WIRE_TYPE.matcher(read(file));
                    while (matcher.find()) {
                        found.add(
                                new Constant(module.getFileName().toString(), root.relativize(file), matcher.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
