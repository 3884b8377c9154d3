package io.mita.budget.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mita.testsupport.LogLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements the PostgreSQL driver sends while a test runs, from its query log ({@code io.r2dbc.postgresql.QUERY}
 * at DEBUG: one line "Executing query: …" per statement, BEGIN and COMMIT included). The lines do not say which
 * connection sent them, so a test using it keeps the application's background work off the database meanwhile
 * (e.g. the outbox relay's poll set to an hour). Open it in the test method.
 */
public final class ExecutedStatements implements AutoCloseable {

    private static final String PREFIX = "Executing query: ";

    private final LogLines lines = LogLines.of("io.r2dbc.postgresql.QUERY", Level.DEBUG);

    public static ExecutedStatements capture() {
        return new ExecutedStatements();
    }

    /**
     * The statements of the transaction that sent the one statement containing {@code marker}: from the BEGIN
     * before it to the COMMIT after it, both included, in the order sent. Fails when no statement or several
     * contain the marker, or no BEGIN … COMMIT surrounds it.
     */
    public List<String> transactionWith(String marker) {
        List<String> all = new ArrayList<>();
        for (ILoggingEvent line : lines.lines()) {
            String message = line.getFormattedMessage();
            int at = message.indexOf(PREFIX);
            if (at >= 0) {
                all.add(message.substring(at + PREFIX.length()).strip());
            }
        }
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains(marker)) {
                marked.add(i);
            }
        }
        if (marked.size() != 1) {
            throw new AssertionError(
                    "expected one statement containing '" + marker + "', found " + marked.size() + " in " + all);
        }
        int begin = marked.get(0);
        while (begin >= 0 && !startsWith(all.get(begin), "BEGIN")) {
            begin--;
        }
        int commit = marked.get(0);
        while (commit < all.size() && !startsWith(all.get(commit), "COMMIT")) {
            commit++;
        }
        if (begin < 0 || commit == all.size()) {
            throw new AssertionError("no BEGIN … COMMIT around '" + marker + "' in " + all);
        }
        return List.copyOf(all.subList(begin, commit + 1));
    }

    private static boolean startsWith(String sql, String keyword) {
        return sql.toUpperCase(Locale.ROOT).startsWith(keyword);
    }

    @Override
    public void close() {
        lines.close();
    }
}
