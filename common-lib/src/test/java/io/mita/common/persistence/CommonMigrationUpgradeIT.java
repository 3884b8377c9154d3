package io.mita.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A service database migrated before common-lib's V0_2 existed (V0_1 and the service's own V1 applied) upgrades
 * with the configuration every data service gets from mita-data-service-defaults.yml.
 */
class CommonMigrationUpgradeIT {

    static final String SERVICE_MIGRATIONS = "classpath:db/upgrade-fixture";

    @Test
    void aDatabaseMigratedBeforeV0_2UpgradesWithTheSharedDefaultsAndKeepsItsPendingEvents() throws Exception {
        String database = databaseAsMigratedBeforeV0_2();

        servicesFlyway(database, sharedOutOfOrder()).load().migrate();

        assertThat(appliedVersions(database)).containsExactly("0.1", "1", "0.2");
        assertThat(query(database, "SELECT status FROM outbox_event ORDER BY seq"))
                .containsExactly("published", "pending");
        assertThat(query(
                        database,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox_event'"
                                + " AND column_name IN ('claimed_by', 'claimed_until', 'status', 'parked_reason')"))
                .containsExactly("4");
    }

    @Test
    void withoutOutOfOrderTheSameUpgradeIsRefused() throws Exception {
        String database = databaseAsMigratedBeforeV0_2();

        assertThatThrownBy(() -> servicesFlyway(database, false).load().migrate())
                .hasMessageContaining("0.2");
    }

    /** V0_1 of common-lib, then the service's V1: the history of every database before this change. */
    private static String databaseAsMigratedBeforeV0_2() throws SQLException {
        String database = PostgresTestDatabase.create("upgrade");
        servicesFlyway(database, false).target("0.1").load().migrate();
        flyway(database)
                .locations(SERVICE_MIGRATIONS)
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
        execute(database, """
                INSERT INTO outbox_event (event_id, source, type, subject, occurred_at, data, published_at)
                VALUES (gen_random_uuid(), '/mita/t', 't.v1', 's', now(), '{}', now()),
                       (gen_random_uuid(), '/mita/t', 't.v1', 's', now(), '{}', NULL)""");
        assertThat(appliedVersions(database)).containsExactly("0.1", "1");
        return database;
    }

    private static FluentConfiguration servicesFlyway(String database, boolean outOfOrder) {
        return flyway(database)
                .locations("classpath:db/mita-common", SERVICE_MIGRATIONS)
                .outOfOrder(outOfOrder);
    }

    private static FluentConfiguration flyway(String database) {
        return Flyway.configure()
                .dataSource(
                        PostgresTestDatabase.jdbcUrl(database),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password());
    }

    private static boolean sharedOutOfOrder() throws IOException {
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                .load("defaults", new ClassPathResource("mita-data-service-defaults.yml"));
        return Boolean.parseBoolean(String.valueOf(defaults.get(0).getProperty("spring.flyway.out-of-order")));
    }

    private static List<String> appliedVersions(String database) throws SQLException {
        return query(database, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }

    private static List<String> query(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                PostgresTestDatabase.jdbcUrl(database), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }
}
