package io.mita.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh databases on the local PostgreSQL (host, port and user from MITA_DB_HOST, MITA_DB_PORT,
 * MITA_DB_USER, MITA_DB_PASSWORD), one per test context, dropped when the test JVM exits.
 */
public final class PostgresTestDatabase {

    private PostgresTestDatabase() {}

    public static String host() {
        return env("MITA_DB_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("MITA_DB_PORT", "5432");
    }

    public static String user() {
        return env("MITA_DB_USER", "postgres");
    }

    public static String password() {
        return env("MITA_DB_PASSWORD", "");
    }

    /** Creates {@code it_<prefix>_<random>} and returns its name. */
    public static String create(String prefix) {
        String name = ("it_" + prefix.replaceAll("[^A-Za-z0-9]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE \"" + name + "\"");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name), "drop-" + name));
        return name;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    private static void dropQuietly(String name) {
        try {
            execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // the server may already be gone at JVM exit
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + host() + ":" + port() + " refused: " + sql + " (" + e.getMessage() + ")", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
