package io.mita.e2e.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What each fault scenario did and counted, printed to the test output and appended as one Markdown table row to
 * {@code target/fault-figures.md} (the source of bench/RESULTS-faults.md).
 */
final class FaultFigures {

    /** For a scenario that publishes no events of its own: no duplicate count. */
    static final long NOT_COUNTED = -1;

    private static final Path FILE = Path.of("target", "fault-figures.md");

    static void report(
            String scenario,
            String fault,
            long produced,
            long duplicatesPublished,
            long stored,
            long duplicates,
            long deadLettered,
            String notes) {
        String row = "| %s | %s | %s | %d | %s | %d | %d | %d | %s |%n"
                .formatted(
                        Instant.now().toString().substring(0, 19),
                        scenario,
                        fault,
                        produced,
                        duplicatesPublished < 0 ? "—" : Long.toString(duplicatesPublished),
                        stored,
                        duplicates,
                        deadLettered,
                        notes);
        System.out.print("FAULT " + row);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, """
                        | when (UTC) | scenario | fault | produced | duplicates published (absorbed) | stored | duplicates stored | dead-lettered | notes |
                        |---|---|---|---|---|---|---|---|---|
                        """, StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + FILE, e);
        }
    }

    private FaultFigures() {}
}
