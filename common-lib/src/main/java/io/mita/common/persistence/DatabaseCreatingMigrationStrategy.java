package io.mita.common.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Each service owns its database: before migrating, create it if it does not exist yet (connecting to
 * the server's maintenance database with the same credentials), then run the migrations.
 */
class DatabaseCreatingMigrationStrategy implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreatingMigrationStrategy.class);
    private static final Pattern JDBC_URL =
            Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z_][A-Za-z0-9_]*)(\\?.*)?");

    private final String url;
    private final String user;
    private final String password;

    DatabaseCreatingMigrationStrategy(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public void migrate(Flyway flyway) {
        createDatabaseIfMissing();
        flyway.migrate();
    }

    void createDatabaseIfMissing() {
        Matcher matcher = JDBC_URL.matcher(url);
        if (!matcher.matches()) {
            log.info("not a plain PostgreSQL URL, leaving database creation to the operator: {}", url);
            return;
        }
        String database = matcher.group(2);
        String maintenanceUrl = matcher.group(1) + "postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password)) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
                log.info("created database {}", database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another instance
            }
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
