package io.mita.e2e.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Reads the stack's own databases (the local PostgreSQL) to count what the services stored: the budget outbox
 * and the audit log. Read-only.
 */
final class StackDatabases {

    private static final String HOST = System.getenv().getOrDefault("MITA_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("MITA_DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("MITA_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("MITA_DB_PASSWORD", "");
    private static final String AUDIT_DB = System.getenv().getOrDefault("AUDIT_DB_NAME", "mita_audit");
    private static final String BUDGET_DB = System.getenv().getOrDefault("BUDGET_DB_NAME", "mita_budget");

    static final String TRANSACTION_CREATED = "mita.budget.transaction.created.v1";

    /**
     * How many audit rows of the created event each transaction id has, for the events about these subjects. The
     * audit store seals each event's data with its subject's key (crypto-shredding, issue 13), so the transaction id
     * is not readable there: the audit rows are counted by event id and each event id is mapped to its transaction
     * id through budget-service's outbox, where the event was written.
     */
    static Map<String, Integer> auditedTransactions(UUID... subjects) {
        Map<String, String> transactionOfEvent = new HashMap<>();
        query(
                BUDGET_DB,
                "SELECT event_id::text AS k, data->>'transactionId' AS v FROM outbox_event"
                        + " WHERE type = ? AND subject = ANY(?)",
                subjects,
                (event, transaction) -> transactionOfEvent.put(event, transaction));
        Map<String, Integer> counts = new HashMap<>();
        query(
                AUDIT_DB,
                "SELECT event_id::text AS k, count(*)::text AS v FROM audit_event"
                        + " WHERE type = ? AND subject = ANY(?) GROUP BY 1",
                subjects,
                (event, n) -> counts.merge(
                        transactionOfEvent.getOrDefault(event, "not in the outbox: " + event),
                        Integer.parseInt(n),
                        Integer::sum));
        return counts;
    }

    /**
     * Waits until the audit log holds a created event for every one of these transaction ids (or the time is up)
     * and returns the counts per transaction id then.
     */
    static Map<String, Integer> awaitAudited(UUID[] subjects, Collection<String> transactionIds, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Map<String, Integer> audited = auditedTransactions(subjects);
        while (!audited.keySet().containsAll(transactionIds) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            audited = auditedTransactions(subjects);
        }
        return audited;
    }

    /**
     * The {@code Idempotency-Key}s these users' creates claimed in budget-service's database, each with the transaction
     * it made (the claim commits with the transaction).
     */
    static Map<String, String> claimedKeys(UUID... subjects) {
        Map<String, String> transactionOfKey = new HashMap<>();
        try (Connection connection = connect(BUDGET_DB);
                var statement = connection.prepareStatement(
                        "SELECT key, transaction_id::text FROM idempotency_key WHERE user_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", subjects));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    transactionOfKey.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + BUDGET_DB, e);
        }
        return transactionOfKey;
    }

    /** How many outbox rows of an event type each transaction id has in budget-service's database. */
    static Map<String, Integer> outboxTransactions(UUID... subjects) {
        return countByTransaction(BUDGET_DB, "outbox_event", subjects);
    }

    /** The ids of the events about one subject in the budget outbox, in the order they were written. */
    static List<UUID> outboxOrder(UUID subject) {
        return eventIds(BUDGET_DB, "SELECT event_id FROM outbox_event WHERE subject = ? ORDER BY seq", subject);
    }

    /**
     * The ids of the budget events about one subject in the audit log, in the order Kafka delivered them (the
     * subject is the key, so all of them share one partition).
     */
    static List<UUID> auditOrder(UUID subject) {
        return eventIds(
                AUDIT_DB,
                "SELECT event_id FROM audit_event WHERE subject = ? AND source = '/mita/budget' ORDER BY partition, kafka_offset",
                subject);
    }

    private static List<UUID> eventIds(String database, String sql, UUID subject) {
        try (Connection connection = connect(database);
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, subject.toString());
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
    }

    /** Whether the audit log holds an event with this id. */
    static boolean audited(UUID eventId) {
        try (Connection connection = connect(AUDIT_DB);
                var statement = connection.prepareStatement("SELECT 1 FROM audit_event WHERE event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + AUDIT_DB, e);
        }
    }

    private static Map<String, Integer> countByTransaction(String database, String table, UUID... subjects) {
        Map<String, Integer> counts = new HashMap<>();
        query(
                database,
                "SELECT data->>'transactionId' AS k, count(*)::text AS v FROM " + table
                        + " WHERE type = ? AND subject = ANY(?) GROUP BY 1",
                subjects,
                (id, n) -> counts.put(id, Integer.parseInt(n)));
        return counts;
    }

    /** Runs a two-column query (k, v) of the created events about these subjects, row by row. */
    private static void query(String database, String sql, UUID[] subjects, BiConsumer<String, String> row) {
        try (Connection connection = connect(database);
                var statement = connection.prepareStatement(sql)) {
            String[] names = new String[subjects.length];
            for (int i = 0; i < subjects.length; i++) {
                names[i] = subjects[i].toString();
            }
            Array array = connection.createArrayOf("text", names);
            statement.setString(1, TRANSACTION_CREATED);
            statement.setArray(2, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getString("k"), rows.getString("v"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://%s:%s/%s".formatted(HOST, PORT, database), USER, PASSWORD);
    }

    private StackDatabases() {}
}
