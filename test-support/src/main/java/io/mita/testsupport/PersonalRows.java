package io.mita.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What a data service's database holds about one user, for erasure tests: the rows of every table of its schema
 * that has a {@code user_id} column (found in the catalogue, so a table added later is counted without the test
 * naming it and an erasure that forgets it fails), the user's events in the outbox, and whether a consumer has
 * processed an event. The tombstone {@code erased_user} is left out of the scan: it holds the erased user's id by
 * design (a random id and a time, nothing else), so that later events and still-valid tokens of the user are
 * refused; {@link #tombstoned} asserts it instead.
 */
public final class PersonalRows {

    /** The table of erased users' ids (common-lib's erasure writes it), not personal data to be erased. */
    public static final String TOMBSTONE = "erased_user";

    static final String PER_TABLE = """
            SELECT c.table_name::text AS table_name,
                   ((xpath('/row/n/text()', query_to_xml(
                       format('SELECT count(*) AS n FROM %I WHERE user_id = %L', c.table_name, CAST(:userId AS text)),
                       false, true, '')))[1])::text::bigint AS n
              FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = current_schema() AND c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'
               AND c.table_name <> '""" + TOMBSTONE + "'";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private PersonalRows() {}

    /** Table name → the user's rows in it, for every table with a {@code user_id} column. */
    public static Map<String, Long> perTable(DatabaseClient database, UUID userId) {
        return database.sql(PER_TABLE)
                .bind("userId", userId)
                .map(row -> Map.entry(row.get("table_name", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block(WAIT);
    }

    /** Events in the outbox about the user (subject = the user id), published or not. */
    public static long inOutbox(DatabaseClient database, UUID userId) {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE subject = CAST(:userId AS text)")
                .bind("userId", userId)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(WAIT);
    }

    /** Whether the erasure left the user's tombstone (one row in {@value #TOMBSTONE}). */
    public static boolean tombstoned(DatabaseClient database, UUID userId) {
        return database.sql("SELECT count(*) AS n FROM " + TOMBSTONE + " WHERE user_id = :userId")
                        .bind("userId", userId)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(WAIT)
                == 1;
    }

    /** Whether the consumer's processed-event inbox holds the event (so every record before it was handled). */
    public static boolean processed(DatabaseClient database, String consumer, UUID eventId) {
        return database.sql("SELECT count(*) AS n FROM processed_event WHERE consumer = :consumer AND event_id = :id")
                        .bind("consumer", consumer)
                        .bind("id", eventId)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(WAIT)
                == 1;
    }
}
