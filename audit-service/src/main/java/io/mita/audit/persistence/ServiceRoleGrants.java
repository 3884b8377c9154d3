package io.mita.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Least privilege (issue 13): Flyway migrates as the database owner ({@code spring.flyway.user}); the service
 * itself connects as {@code spring.r2dbc.username}, a role that owns nothing and may only SELECT and INSERT.
 * After every migration this callback, on the owner's connection, creates that role if it is missing (LOGIN,
 * nothing else; a role an operator created beforehand is used as it is), sets its password when one is
 * configured, and re-grants exactly SELECT and INSERT on every table of the schema except Flyway's history, and
 * USAGE on the sequences (nextval of the bigserial columns), and EXECUTE on {@code audit_shred_subject_key}, the
 * owner's function that destroys one subject's key (crypto-shredding), and on the two owner's functions that create
 * monthly partitions ahead and drop an archived month (V5); the partitions themselves carry no grant to it (it reaches
 * them through their partitioned table). UPDATE, DELETE, TRUNCATE and ALTER are refused by
 * PostgreSQL before any trigger runs. The service refuses to start when its role is the owner or a superuser.
 */
@Component
class ServiceRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ServiceRoleGrants.class);
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String role;
    private final String password;

    @Autowired
    ServiceRoleGrants(Environment environment) {
        this(
                environment.getRequiredProperty("spring.r2dbc.username"),
                environment.getProperty("spring.r2dbc.password", ""));
    }

    ServiceRoleGrants(String role, String password) {
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalStateException("the audit service's database role must be a lower-case SQL identifier"
                    + " ([a-z_][a-z0-9_]*), not '" + role + "'");
        }
        this.role = role;
        this.password = password == null ? "" : password;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        String historyTable = context.getConfiguration().getTable();
        try {
            ensureRole(connection);
            grant(connection, historyTable);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot set up the audit service's least-privilege role " + role + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "audit-service-role-grants";
    }

    private void ensureRole(Connection connection) throws SQLException {
        String owner = scalar(connection, "SELECT current_user");
        if (role.equals(owner)) {
            throw new IllegalStateException("the audit service must not connect as the owner " + owner
                    + " that migrates its database: set AUDIT_DB_SERVICE_USER to a role of its own");
        }
        Boolean superuser = roleIsSuperuser(connection);
        if (superuser == null) {
            // a concurrent migration of another database may create it at the same time: that is fine
            execute(
                    connection,
                    "DO $$ BEGIN CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;"
                            + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            log.info("created the audit service's database role {}", role);
        } else if (superuser) {
            throw new IllegalStateException(
                    "the audit service's database role " + role + " is a superuser: it must own nothing");
        }
        if (!password.isEmpty()) {
            execute(connection, "ALTER ROLE " + role + " PASSWORD " + literal(password));
        }
    }

    private void grant(Connection connection, String historyTable) throws SQLException {
        String database = scalar(connection, "SELECT current_database()");
        execute(connection, "GRANT CONNECT ON DATABASE " + identifier(database) + " TO " + role);
        execute(connection, "GRANT USAGE ON SCHEMA public TO " + role);
        execute(connection, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role);
        execute(connection, "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM " + role);
        execute(connection, "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO " + role);
        execute(connection, "REVOKE ALL ON TABLE " + identifier(historyTable) + " FROM " + role);
        execute(connection, "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role);
        // the one deletion it may make: a subject's key, through the owner's SECURITY DEFINER function (V4)
        execute(connection, "GRANT EXECUTE ON FUNCTION audit_shred_subject_key(text) TO " + role);
        // monthly partitions (V5): reached only through their partitioned table, whose grants PostgreSQL checks;
        // created ahead and dropped after archiving by the owner's functions, never by the role itself
        for (String partition : partitions(connection)) {
            execute(connection, "REVOKE ALL ON TABLE " + partition + " FROM " + role);
        }
        execute(connection, "GRANT EXECUTE ON FUNCTION audit_ensure_partitions(int) TO " + role);
        execute(connection, "GRANT EXECUTE ON FUNCTION audit_drop_archived_month(date) TO " + role);
    }

    /** Every partition in the schema, as a quoted, schema-qualified name. */
    private static List<String> partitions(Connection connection) throws SQLException {
        List<String> partitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT c.oid::regclass::text FROM pg_class c"
                        + " WHERE c.relispartition AND c.relkind IN ('r', 'p')"
                        + " AND c.relnamespace = 'public'::regnamespace")) {
            while (result.next()) {
                partitions.add(result.getString(1));
            }
        }
        return partitions;
    }

    /** {@code null} when the role does not exist. */
    private Boolean roleIsSuperuser(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT rolsuper FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getBoolean(1) : null;
            }
        }
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A standard-conforming string literal (PostgreSQL's default since 9.1): quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
