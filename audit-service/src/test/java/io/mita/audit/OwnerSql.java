package io.mita.audit;

import io.mita.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL on the test's audit database as the machine's superuser ({@code MITA_DB_USER}, the owner that migrates it),
 * over JDBC, past the service: what an administrator or an attacker with the owner's credentials can do.
 */
public final class OwnerSql {

    private final String database;

    public OwnerSql(String database) {
        this.database = database;
    }

    public void execute(String sql, Object... parameters) {
        run(false, sql, parameters);
    }

    /** As a superuser with the append-only triggers switched off for the transaction (session_replication_role). */
    public void tamper(String sql, Object... parameters) {
        run(true, sql, parameters);
    }

    public List<Object[]> query(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public Object scalar(String sql, Object... parameters) {
        List<Object[]> rows = query(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    private void run(boolean withoutTriggers, String sql, Object... parameters) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            if (withoutTriggers) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL session_replication_role = replica");
                }
            }
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                statement.execute();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                PostgresTestDatabase.jdbcUrl(database), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
